/// The values the page template renders. Every `String` is plain text that the template escapes
/// with `{{…}}`, except the fields whose names end in `Html`: those are markup built here (prose
/// escaped by `RichText`, MathML from Templates/Content, inline SVG from `InlineSVG`) and rendered with
/// `{{{…}}}`.
struct PageModel {
    var lang: String
    var title: String
    var lead: String
    var contentSecurityPolicy: String
    /// `style.css` in folder mode; nil when the CSS is inline.
    var stylesheetHref: String?
    /// The CSS itself, self-contained mode only (whitelisted by its hash in the CSP).
    var inlineStylesheet: String?
    var ui: PageLabels
    var toc: [TocEntry]
    var sections: [SectionView]
    var footer: String
    var generator: String
}

/// Fixed labels in the page's language.
struct PageLabels {
    var contents: String
    var formula: String
    var pros: String
    var cons: String
    var useWhen: String
    var avoidWhen: String
    var download: String
    var printed: String
    var skipToContent: String
}

struct TocEntry {
    var id: String
    var title: String
    var children: [TocEntry]
    var hasChildren: Bool
}

struct SectionView {
    var id: String
    var title: String
    var blocks: [BlockView]
    var articles: [ArticleView]
    /// Scenarios of this part of the document that no article claims.
    var extras: [ScenarioView]
    var hasExtras: Bool
    var extrasTitle: String
    var extrasID: String
}

struct ArticleView {
    var id: String
    var title: String
    var formulaHtml: String?
    var symbolsHtml: [String]
    var blocks: [BlockView]
    var prosHtml: [String]
    var consHtml: [String]
    var hasProsCons: Bool
    var useWhenHtml: [String]
    var hasUseWhen: Bool
    var avoidWhenHtml: [String]
    var hasAvoidWhen: Bool
    var hasUse: Bool
    var after: [BlockView]
    var scenarios: [ScenarioView]
}

/// One content block; exactly one field is set. The names are unique to this type on purpose:
/// Mustache looks a missing (nil) name up in the enclosing contexts, so `formulaHtml` here would
/// pick up the article's formula.
struct BlockView {
    var blockParagraphHtml: String? = nil
    var blockList: ListView? = nil
    var blockDefinitions: DefinitionsView? = nil
    var blockNote: NoteView? = nil
    var blockTable: TableView? = nil
    var blockFormulaHtml: String? = nil
    var blockExample: String? = nil
    var blockReferences: ReferencesView? = nil
}

/// The bibliography, in its order (an `<ol>`, so the numbers are the list's).
struct ReferencesView {
    var references: [ReferenceView]
}

/// One bibliography entry; the field names are unique for the reason `BlockView` gives.
struct ReferenceView {
    /// `ref-KEY`, what the citations link to.
    var referenceID: String
    var referenceHtml: String
    var referenceURL: String?
}

struct ListView {
    var itemsHtml: [String]
}

struct DefinitionsView {
    var items: [DefinitionView]
}

struct DefinitionView {
    var termHtml: String
    var detailHtml: String
}

struct NoteView {
    var title: String
    var bodyHtml: [String]
    var slip: Bool
}

struct TableView {
    var caption: String
    var columns: [String]
    var rows: [RowView]
}

struct RowView {
    var header: String
    var cells: [String]
}

/// A scenario's chart and printed results, as placed in the page.
struct ScenarioView {
    var id: String
    var title: String
    var figure: FigureView?
    var results: ResultsView?
}

struct FigureView {
    var id: String
    /// Self-contained mode: the SVG itself (ids prefixed per chart, styles as attributes).
    var inlineSvgHtml: String?
    /// Folder mode (`charts/ID.svg`) or a data: URI when the chart cannot be inlined.
    var imageSrc: String?
    var alt: String
    var width: Int
    var height: Int
    var caption: String
    var downloads: [DownloadView]
}

struct DownloadView {
    var href: String
    var label: String
    var fileName: String
}

struct ResultsView {
    var id: String
    var caption: String
    var values: TableView?
    var tables: [TableView]
    var lines: String
    /// What the folded printed lines are and where they come from: the guide's code block(s)
    /// lossplot recomputes, or the lossplot command whose own output they are.
    var summary: String
}

/// The values the page template renders. Every `String` is plain text that the template escapes
/// with `{{…}}`, except the fields whose names end in `Html`: those are markup built here (prose
/// escaped by `RichText`, MathML from Templates/Content, inline SVG from `InlineSVG`) and rendered with
/// `{{{…}}}`.
struct PageModel {
    var lang: String
    /// The page's title as plain text, for `<title>`.
    var title: String
    var titleHtml: String
    var leadHtml: String
    /// Both pages of the report, this one included, for `<link rel="alternate" hreflang>`.
    var alternates: [AlternateView]
    /// The other pages, for the visible language switch.
    var otherLanguages: [AlternateView]
    var contentSecurityPolicy: String
    /// `style.css` in folder mode; nil when the CSS is inline.
    var stylesheetHref: String?
    /// The CSS itself, self-contained mode only (whitelisted by its hash in the CSP).
    var inlineStylesheet: String?
    var ui: PageLabels
    var toc: [TocEntry]
    var sections: [SectionView]
    var footerHtml: String
    /// Self-contained pages only: why the charts have no download links.
    var downloadsNoteHtml: String?
    /// Self-contained mode: the hidden SVG with the glyph outlines the inline charts share.
    var glyphSpriteHtml: String?
    var generator: String
}

/// One language's page of the report.
struct AlternateView {
    var lang: String
    var href: String
    /// The language's own name ("Українська"), in that language.
    var name: String
}

/// Fixed labels in the page's language.
struct PageLabels {
    var contents: String
    var pros: String
    var cons: String
    var useWhen: String
    var avoidWhen: String
    var download: String
    var printed: String
    var skipToContent: String
    var skipToMain: String
}

struct TocEntry {
    var id: String
    var titleHtml: String
    var children: [TocEntry]
    var hasChildren: Bool
}

struct SectionView {
    var id: String
    var titleHtml: String
    var blocks: [BlockView]
    var articles: [ArticleView]
    /// Scenarios of this part of the document that no article claims.
    var extras: [ScenarioView]
    var hasExtras: Bool
    var extrasTitleHtml: String
    var extrasID: String
}

struct ArticleView {
    var id: String
    var titleHtml: String
    var formulaHtml: String?
    /// The formula group's accessible name: "Equation 3: Huber loss".
    var formulaLabel: String
    /// The formula's page id (`eq-huber`) and its number as shown at its right ("(3)").
    var formulaID: String
    var formulaNumber: String
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
    var blockFormula: FormulaView? = nil
    var blockExample: ExampleView? = nil
    var blockReferences: ReferencesView? = nil
}

/// A formula shown where it stands in the prose, numbered and named for the article (or
/// section) it is in.
struct FormulaView {
    var mathHtml: String
    var label: String
    /// `eq-hinge-2`, what `[#eq:hinge-2]` links to.
    var equationID: String
    /// "(5)", shown at the formula's right.
    var equationNumber: String
}

/// A code example, named for where it stands.
struct ExampleView {
    var textHtml: String
    var label: String
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
    var titleHtml: String
    var bodyHtml: [String]
    var slip: Bool
}

/// A table. Its scrolling wrapper is named by the caption (`caption`, plain text for
/// `aria-label`). A table of three columns or more is `stacked` (its rows become cards on a
/// phone, each cell labelled with its column's name); one of six or more is `wide` (set closer).
struct TableView {
    var caption: String
    var captionHtml: String
    var columnsHtml: [String]
    var rows: [RowView]
    var stacked: Bool
    var wide: Bool
}

struct RowView {
    var headerHtml: String
    var cells: [CellView]
}

struct CellView {
    var html: String
    /// The column's name, shown beside the value when the rows are stacked.
    var column: String
}

/// A scenario's chart and printed results, as placed in the page.
struct ScenarioView {
    var id: String
    var titleHtml: String
    var figure: FigureView?
    var results: ResultsView?
    var explorer: ExplorerView? = nil
}

/// A parameter explorer: a radio group, one button per value, and a frame per value, the checked
/// button's frame shown by CSS alone (`:checked ~`).
struct ExplorerView {
    var id: String
    /// The explorer's figure number ("Figure 4."), before its legend; nil when the page does not number it.
    var explorerNumberHtml: String?
    var legendHtml: String
    /// What the reader should see as the value changes (`captions.txt`), under the frames.
    var explorerTakeawayHtml: String?
    var choices: [ExplorerChoiceView]
    var frames: [ExplorerFrameView]
}

/// One radio button of an explorer.
struct ExplorerChoiceView {
    /// The radio group's name, the same for every button of an explorer.
    var group: String
    var inputID: String
    var labelHtml: String
    var checked: Bool
}

/// One frame of an explorer: the chart at one value.
struct ExplorerFrameView {
    var figure: FigureView
}

struct FigureView {
    var id: String
    /// Self-contained mode: the SVG itself (ids prefixed per chart, styles as attributes).
    var inlineSvgHtml: String?
    /// Self-contained mode: the narrow rendering's SVG, shown instead on a narrow screen.
    var inlineNarrowSvgHtml: String?
    /// Folder mode: the `<picture>` sources of the other renderings (narrow, dark), most specific first.
    var sources: [PictureSourceView]
    /// Folder mode (`charts/ID.svg`) or a data: URI when the chart cannot be inlined.
    var imageSrc: String?
    var alt: String
    var width: Int
    var height: Int
    var caption: String
    /// The title; followed by a full stop when a takeaway follows it.
    var captionHtml: String
    /// The chart's number ("Figure 3."), before its title; nil for an explorer's frame.
    var figureNumberHtml: String?
    /// What the reader should see in the chart (`captions.txt`); nil for an explorer's frame.
    var figureTakeawayHtml: String?
    var downloads: [DownloadView]
    var hasDownloads: Bool
    /// The plotted points, folded under the chart.
    var dataTables: [TableView]
    var hasDataTables: Bool
    var dataSummary: String
}

/// A `<source>` of a chart's `<picture>`: the rendering for a media query.
struct PictureSourceView {
    var media: String
    var srcset: String
    var width: Int
    var height: Int
}

struct DownloadView {
    var href: String
    /// The visible text: the format ("SVG").
    var label: String
    /// The accessible name: the chart and the format.
    var name: String
    var fileName: String
}

struct ResultsView {
    var id: String
    var values: TableView?
    var tables: [TableView]
    var linesHtml: String
    /// The output's accessible name: the summary's text and the scenario's title.
    var linesLabel: String
    /// What the folded printed lines are and where they come from: the guide's code block(s)
    /// lossplot recomputes, or the lossplot command whose own output they are.
    var summary: String
}

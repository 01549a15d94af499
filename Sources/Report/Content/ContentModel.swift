import Scenarios

/// A block of the report's own prose. Text is plain and escaped on the way out; `backticks` mark
/// code and **double stars** mark emphasis.
enum ContentBlock: Sendable, Equatable {
    case paragraph(LocalizedText)
    case list([LocalizedText])
    /// A term and what it means, e.g. a question and the loss it points to.
    case definitions([Definition])
    /// A highlighted aside; `slip` marks a place where the document goes wrong.
    case note(title: LocalizedText, body: [LocalizedText], slip: Bool)
    case table(ContentTable)
    /// A further formula (MathML).
    case formula(LocalizedText)
    /// Preformatted text (a worked example), shown as it is.
    case example(LocalizedText)
    /// The bibliography, numbered in this order; the prose cites an entry as `[@key]`.
    case references([Reference])
}

/// One entry of the bibliography: its key, what it is, and where to find it.
struct Reference: Sendable, Equatable {
    var key: String
    var text: LocalizedText
    var url: String?
}

/// A term and what it means.
struct Definition: Sendable, Equatable {
    var term: LocalizedText
    var detail: LocalizedText
}

/// A table of the report's own: a caption, header cells and rows.
struct ContentTable: Sendable, Equatable {
    var caption: LocalizedText
    var columns: [LocalizedText]
    /// The first cell of a row is its header cell.
    var rows: [[LocalizedText]]
}

/// One loss (or one topic) with its own heading: formula, intuition, pros and cons, when to use
/// it, and the scenarios (charts and printed results) that belong to it.
struct Article: Sendable, Equatable {
    var id: String
    var title: LocalizedText
    /// MathML (a `<math display="block">` element), per language for the words in it.
    var formula: LocalizedText? = nil
    /// What the formula's symbols mean.
    var symbols: [LocalizedText] = []
    var body: [ContentBlock] = []
    var pros: [LocalizedText] = []
    var cons: [LocalizedText] = []
    var useWhen: [LocalizedText] = []
    var avoidWhen: [LocalizedText] = []
    /// Blocks after the lists (e.g. where the document slips).
    var after: [ContentBlock] = []
    /// Scenarios shown here: by id, and by the document code blocks they reproduce.
    var scenarioIDs: [String] = []
    var codeBlocks: [Int] = []
}

/// A top-level part of the page, in the document's order.
struct ContentSection: Sendable, Equatable {
    var id: String
    var title: LocalizedText
    /// Scenarios of this document section that no article claims are shown at its end.
    var documentSection: DocumentSection? = nil
    var intro: [ContentBlock] = []
    var articles: [Article] = []
}

/// The whole page's prose and labels in both languages, as read from Templates/Content/.
struct ReportContent: Sendable, Equatable {
    /// The page's parts, in order.
    var sections: [ContentSection]
    var labels: ReportLabels
    /// Reference key → its number on the page (its place in `::: references`, from 1).
    var citationNumbers: [String: Int] = [:]
    /// Chart (scenario) id → what the reader should see in it, from `captions.txt`.
    var captions: [String: LocalizedText] = [:]
    /// Equation id (without `eq-`) → its number on the page, from 1 (`Equations`).
    var equationNumbers: [String: Int] = [:]
}

/// The values `runs.mustache` renders. Fields whose names end in `Html` are markup made here:
/// every name and value read from a log (runs, metrics, params, paths, rules) is escaped with
/// `escapeXML` first, so none can open a tag or drop a control character into the page; they are
/// rendered with `{{{…}}}`. The other strings are fixed words and numbers the template escapes.
struct RunPageModel {
    var titleHtml: String
    var contentSecurityPolicy: String
    var generator: String
    /// `runs.css` in folder mode; nil when the CSS is inline.
    var stylesheetHref: String?
    /// The CSS itself, self-contained mode only (allowed by its hash in the CSP).
    var inlineStylesheet: String?
    /// What was compared with what, a sentence each.
    var leadHtml: [String]
    var toc: [RunTocEntry]
    var gate: GateView?
    var warnings: WarningsView?
    var metrics: [MetricView]
    /// Metrics past the charted ones, or why no chart could be drawn.
    var chartNoteHtml: String?
    var params: ParamsView
    var footerHtml: String
}

struct RunTocEntry {
    var id: String
    var labelHtml: String
}

/// The regression gate's results, when rules were given.
struct GateView {
    var passed: Bool
    var headline: String
    var results: [GateRowView]
}

struct GateRowView {
    var ruleHtml: String
    var passed: Bool
    var result: String
    var seenHtml: String
}

struct WarningsView {
    var count: Int
    var itemsHtml: [String]
}

/// One metric's section: its chart, its table.
struct MetricView {
    var id: String
    var nameHtml: String
    /// "lower is better", "higher is better", or nil when the name does not say.
    var direction: String?
    var figure: MetricFigureView?
    var hasBaseline: Bool
    var rows: [MetricRowView]
}

struct MetricFigureView {
    var id: String
    /// The chart's SVG, ids prefixed, styles as attributes (nil when it cannot be inlined).
    var inlineSvgHtml: String?
    /// A data: URI of the chart when its SVG cannot sit inline.
    var imageSrc: String?
    var altHtml: String
    var width: Int
    var height: Int
    /// Folder mode: the chart's files under `charts/`.
    var downloads: [MetricDownloadView]
    var hasDownloads: Bool
}

struct MetricDownloadView {
    var hrefHtml: String
    var label: String
}

/// One run's row of a metric's table. Numbers are `NumberText`'s, as the job summary shows them.
struct MetricRowView {
    var runHtml: String
    var final: String
    var min: String
    var minStep: String
    var max: String
    var maxStep: String
    var nonFinite: Int
    var hasNonFinite: Bool
    var baseline: BaselineCellsView?
    var noBaseline: Bool
}

/// The baseline's side of a row: its run (when named otherwise), its final, the change.
///
/// Its names are its own: Mustache looks a nil field up in the enclosing row, so a `runHtml`
/// here would show the row's run when the baseline run's name is left out.
struct BaselineCellsView {
    var baselineRunHtml: String?
    var baselineFinal: String
    /// The final minus the baseline's final.
    var change: String
    /// The arrow, the relative change and the verdict, as the job summary writes them (`▲ +192% worse`).
    var relative: String
    /// better, worse, same, unjudged or na (no change: a final is missing or not finite): a CSS class.
    var verdict: String
}

/// The runs' hyperparameters side by side.
struct ParamsView {
    var hasParams: Bool
    var noteHtml: String
    var columns: [ParamColumnView]
    var rows: [ParamRowView]
}

struct ParamColumnView {
    var nameHtml: String
    var isBaseline: Bool
}

struct ParamRowView {
    var keyHtml: String
    var differs: Bool
    var cells: [ParamCellView]
}

struct ParamCellView {
    var valueHtml: String
    /// The run's column name, shown beside the value when a phone stacks the table.
    var columnHtml: String
    var missing: Bool
    var isBaseline: Bool
}

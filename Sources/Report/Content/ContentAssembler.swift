import Scenarios

/// A node whose texts are paired across the languages.
struct PairedNode: Sendable {
    var kind: ContentNode.Kind
    var texts: [LocalizedText]
    /// Where the node starts in the reference language's file.
    var line: Int
}

/// Builds sections from paired nodes and checks what their order means: an article's formula comes
/// first, its symbols right after it, then the body, the four lists (pros, cons, use-when,
/// avoid-when, in that order, each once) and the blocks shown after them. Across sections it
/// checks that no two things on the page get the same id and that no chart is claimed twice.
struct ContentAssembler {
    let labels: ReportLabels
    /// Ids the page makes for itself and for the scenarios.
    let reservedIDs: Set<String>
    /// Page id → where it was given.
    private var ids: [String: String] = [:]
    /// Chart id → where an article claimed it.
    private var charts: [String: String] = [:]

    init(labels: ReportLabels, scenarioIDs: Set<String>) {
        self.labels = labels
        reservedIDs = Set(["contents", "contents-title"] + scenarioIDs.flatMap { ["figure-" + $0, "results-" + $0] })
    }

    /// Where in an article the next node falls.
    private enum Phase: Int {
        case start, formula, symbols, body, lists, after
    }

    private static let lists: [ContentNode.Kind: (rank: Int, name: String)] = [
        .pros: (0, "pros"), .cons: (1, "cons"), .useWhen: (2, "use-when"), .avoidWhen: (3, "avoid-when"),
    ]

    mutating func section(id: String, nodes: [PairedNode], file: ContentFile) throws -> ContentSection {
        guard let title = nodes.first, title.kind == .title, let titleText = title.texts.first else {
            throw file.error(line: 1, "a section file starts with its '# Title' heading")
        }
        var section = ContentSection(id: id, title: titleText)
        try claim(id: id, "section", at: file.location(line: title.line), derived: [id + "-title", id + "-more", id + "-more-title"])
        var article: Article?
        var phase = Phase.start
        var lastList: (rank: Int, name: String)?
        // Formulas so far in the current article (or the introduction): each makes an equation id.
        var formulas = 0
        func equation(at location: String) throws {
            formulas += 1
            let eq = Equations.id(article?.id ?? id, formulas)
            try claim(id: Equations.anchor(eq), "equation", at: location, derived: [])
        }
        for node in nodes.dropFirst() {
            let here = file.location(line: node.line)
            switch node.kind {
            case .title:
                throw file.error(line: node.line, "a second '# ' heading: a file holds one section")
            case .guideSection(let guide):
                guard article == nil else { throw file.error(line: node.line, "'::: guide-section' belongs before the section's first article") }
                guard section.documentSection == nil else { throw file.error(line: node.line, "'::: guide-section' is given twice") }
                section.documentSection = guide
            case .article(let articleID):
                if let finished = article { section.articles.append(finished) }
                try claim(id: articleID, "article", at: here, derived: [articleID + "-title"])
                article = Article(id: articleID, title: node.texts.first ?? LocalizedText(""))
                phase = .start
                lastList = nil
                formulas = 0
            case .formula where article != nil && phase == .start:
                try equation(at: here)
                article?.formula = node.texts.first
                phase = .formula
            case .symbols:
                guard article != nil, phase == .formula else {
                    throw file.error(line: node.line, "'::: symbols' belongs right after an article's first '::: formula' (the page shows them under it)")
                }
                article?.symbols = node.texts
                phase = .symbols
            case .pros, .cons, .useWhen, .avoidWhen:
                let list = Self.lists[node.kind] ?? (0, "pros")
                guard article != nil else { throw file.error(line: node.line, "'::: \(list.name)' belongs in an article ('## ' heading)") }
                if phase == .after {
                    throw file.error(line: node.line, "'::: \(list.name)' comes before the blocks shown after the lists (the page shows the lists first)")
                }
                if let last = lastList, last.rank >= list.rank {
                    throw file.error(line: node.line,
                                     "'::: \(list.name)' after '::: \(last.name)': an article has pros, cons, use-when, avoid-when in that order, each once")
                }
                switch node.kind {
                case .pros: article?.pros = node.texts
                case .cons: article?.cons = node.texts
                case .useWhen: article?.useWhen = node.texts
                default: article?.avoidWhen = node.texts
                }
                lastList = list
                phase = .lists
            case .charts(let chartIDs):
                guard let current = article else { throw file.error(line: node.line, "'::: charts' belongs in an article ('## ' heading)") }
                guard current.scenarioIDs.isEmpty else { throw file.error(line: node.line, "'::: charts' is given twice in article {#\(current.id)}") }
                for chart in chartIDs {
                    if let first = charts[chart] {
                        throw file.error(line: node.line, "chart '\(chart)' is already shown by the article at \(first): a chart has one place")
                    }
                    charts[chart] = here
                }
                article?.scenarioIDs = chartIDs
            case .codeBlocks(let blocks):
                guard let current = article else { throw file.error(line: node.line, "'::: code-blocks' belongs in an article ('## ' heading)") }
                guard current.codeBlocks.isEmpty else { throw file.error(line: node.line, "'::: code-blocks' is given twice in article {#\(current.id)}") }
                article?.codeBlocks = blocks
            default:
                if case .references(let keys) = node.kind {
                    for key in keys { try claim(id: Citations.anchor(key.key), "reference", at: here, derived: []) }
                }
                if node.kind == .formula { try equation(at: here) }
                let block = self.block(node)
                if article == nil {
                    section.intro.append(block)
                } else if phase == .lists || phase == .after {
                    article?.after.append(block)
                    phase = .after
                } else {
                    article?.body.append(block)
                    phase = .body
                }
            }
        }
        if let finished = article { section.articles.append(finished) }
        return section
    }

    /// The block a node stands for (the kinds that are blocks, as the parser made them).
    func block(_ node: PairedNode) -> ContentBlock {
        let t = node.texts
        switch node.kind {
        case .list: return .list(t)
        case .definitions:
            return .definitions(stride(from: 0, to: t.count - 1, by: 2).map { Definition(term: t[$0], detail: t[$0 + 1]) })
        case .note: return .note(title: t.first ?? LocalizedText(""), body: Array(t.dropFirst()), slip: false)
        case .slip: return .note(title: labels.slip, body: t, slip: true)
        case .table(let columns):
            let cells = Array(t.dropFirst())
            let width = max(columns, 1)
            let rows = stride(from: width, to: cells.count, by: width).map { Array(cells[$0..<min($0 + width, cells.count)]) }
            return .table(ContentTable(caption: t.first ?? LocalizedText(""), columns: Array(cells.prefix(width)), rows: rows))
        case .formula: return .formula(t.first ?? LocalizedText(""))
        case .example: return .example(t.first ?? LocalizedText(""))
        case .references(let keys): return .references(zip(keys, t).map { Reference(key: $0.key, text: $1, url: $0.url) })
        default: return .paragraph(t.first ?? LocalizedText(""))
        }
    }

    /// Records the ids a section or article puts on the page, refusing any already used.
    private mutating func claim(id: String, _ what: String, at location: String, derived: [String]) throws {
        for pageID in [id] + derived {
            if reservedIDs.contains(pageID) {
                throw ReportError("\(location): \(what) id '\(id)' makes the page id '\(pageID)', which the page uses for itself or a scenario")
            }
            if let first = ids[pageID] {
                throw ReportError("\(location): \(what) id '\(id)' makes the page id '\(pageID)', already made at \(first)")
            }
        }
        for pageID in [id] + derived { ids[pageID] = location }
    }
}

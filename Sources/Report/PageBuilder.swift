import LossPlotCharts
import Foundation
import OutputFiles
import Scenarios

/// Assembles the page model: the report's prose in the chosen language, with every scenario
/// placed where it belongs (the article that names its id, else the article whose code blocks
/// it reproduces, else the end of its document section).
struct PageBuilder {
    let options: ReportOptions
    /// The prose and labels (Templates/Content).
    let content: ReportContent
    let charts: [String: RenderedChart]
    let results: [String: PrintedResults]
    let stylesheet: String

    var language: Language { options.language }
    var labels: ReportLabels { content.labels }

    func build() -> PageModel {
        let placement = Self.place(options.scenarios, in: content.sections)
        let sections = content.sections.map { section in
            SectionView(
                id: section.id,
                title: section.title(language),
                blocks: section.intro.map(block),
                articles: section.articles.map { article in
                    self.article(article, scenarios: placement.byArticle[article.id] ?? [])
                },
                extras: (placement.bySection[section.id] ?? []).map(scenario),
                hasExtras: placement.bySection[section.id]?.isEmpty == false,
                extrasTitle: labels.moreFigures(language),
                extrasID: section.id + "-more"
            )
        }
        let toc = sections.map { s in
            TocEntry(id: s.id, title: s.title, children: s.articles.map { TocEntry(id: $0.id, title: $0.title, children: [], hasChildren: false) },
                     hasChildren: !s.articles.isEmpty)
        }
        let styleHash = FileHash.sha256Base64(Array(stylesheet.utf8))
        return PageModel(
            lang: language.rawValue,
            title: labels.pageTitle(language),
            lead: labels.lead(language),
            contentSecurityPolicy: options.selfContained
                ? "default-src 'none'; img-src data:; style-src 'sha256-\(styleHash)'; base-uri 'none'; form-action 'none'"
                : "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'",
            stylesheetHref: options.selfContained ? nil : TemplateSet.styleFile,
            inlineStylesheet: options.selfContained ? stylesheet : nil,
            ui: PageLabels(
                contents: labels.contents(language), formula: labels.formula(language), pros: labels.pros(language),
                cons: labels.cons(language), useWhen: labels.useWhen(language), avoidWhen: labels.avoidWhen(language),
                download: labels.download(language), printed: labels.printed(language),
                skipToContent: labels.skipToContent(language)),
            toc: toc,
            sections: sections,
            footer: labels.footer(language),
            generator: "lossplot \(LossplotVersion.current)"
        )
    }

    /// Where each scenario goes: article id → scenarios, section id → unclaimed scenarios.
    static func place(_ scenarios: [Scenario], in sections: [ContentSection]) -> (byArticle: [String: [Scenario]], bySection: [String: [Scenario]]) {
        var byArticle: [String: [Scenario]] = [:]
        var bySection: [String: [Scenario]] = [:]
        let articles = sections.flatMap { s in s.articles.map { (section: s, article: $0) } }
        for scenario in scenarios {
            let claimed = articles.first { $0.article.scenarioIDs.contains(scenario.id) }
                ?? articles.first { $0.section.documentSection == scenario.section && !Set($0.article.codeBlocks).isDisjoint(with: scenario.codeBlocks) }
                ?? articles.first { !Set($0.article.codeBlocks).isDisjoint(with: scenario.codeBlocks) }
            if let claimed {
                byArticle[claimed.article.id, default: []].append(scenario)
            } else {
                let home = sections.first { $0.documentSection == scenario.section } ?? sections[sections.count - 1]
                bySection[home.id, default: []].append(scenario)
            }
        }
        return (byArticle, bySection)
    }

    func article(_ a: Article, scenarios: [Scenario]) -> ArticleView {
        let html = { (texts: [LocalizedText]) in texts.map(self.rich) }
        return ArticleView(
            id: a.id, title: a.title(language), formulaHtml: a.formula.map { $0(language) },
            symbolsHtml: html(a.symbols), blocks: a.body.map(block),
            prosHtml: html(a.pros), consHtml: html(a.cons), hasProsCons: !a.pros.isEmpty || !a.cons.isEmpty,
            useWhenHtml: html(a.useWhen), hasUseWhen: !a.useWhen.isEmpty,
            avoidWhenHtml: html(a.avoidWhen), hasAvoidWhen: !a.avoidWhen.isEmpty, hasUse: !a.useWhen.isEmpty || !a.avoidWhen.isEmpty,
            after: a.after.map(block), scenarios: scenarios.map(scenario))
    }

    func block(_ b: ContentBlock) -> BlockView {
        switch b {
        case .paragraph(let t): return BlockView(blockParagraphHtml: rich(t))
        case .list(let items): return BlockView(blockList: ListView(itemsHtml: items.map(rich)))
        case .definitions(let pairs):
            return BlockView(blockDefinitions: DefinitionsView(items: pairs.map {
                DefinitionView(termHtml: rich($0.term), detailHtml: rich($0.detail))
            }))
        case .note(let title, let body, let slip):
            return BlockView(blockNote: NoteView(title: title(language), bodyHtml: body.map(rich), slip: slip))
        case .table(let t):
            return BlockView(blockTable: TableView(
                caption: t.caption(language), columns: t.columns.map { $0(language) },
                rows: t.rows.map { RowView(header: $0.first.map { $0(language) } ?? "", cells: $0.dropFirst().map { $0(language) }) }))
        case .formula(let f): return BlockView(blockFormulaHtml: f(language))
        case .example(let t): return BlockView(blockExample: t(language))
        case .references(let entries):
            return BlockView(blockReferences: ReferencesView(references: entries.map {
                ReferenceView(referenceID: Citations.anchor($0.key), referenceHtml: RichText.html($0.text(language)), referenceURL: $0.url)
            }))
        }
    }

    /// Prose in the page's language as markup, its citations linked to the references.
    func rich(_ text: LocalizedText) -> String {
        RichText.html(text(language), citations: content.citationNumbers)
    }

    func scenario(_ s: Scenario) -> ScenarioView {
        ScenarioView(id: s.id, title: s.title(language), figure: charts[s.id].map(figure), results: results[s.id].map { resultsView($0, of: s) })
    }

    func figure(_ chart: RenderedChart) -> FigureView {
        let id = chart.scenario.id
        let (width, height) = chart.figure.pixelSize(scale: 1)
        let alt = chart.figure.description.isEmpty ? chart.scenario.title(language) : chart.figure.description
        var inline: String? = nil
        var src: String? = nil
        if options.selfContained {
            if let svg = chart.bytes(.svg) {
                inline = InlineSVG.markup(String(decoding: svg, as: UTF8.self))
            }
            if inline == nil, let (format, bytes, _) = chart.files.first(where: { $0.format != .pdf }) {
                src = "data:\(format.mimeType);base64," + Data(bytes).base64EncodedString()
            }
        } else {
            let shown = chart.files.first { $0.format == .svg } ?? chart.files.first { $0.format == .png }
            src = shown.map { "charts/\(id).\($0.format.fileExtension)" }
        }
        let downloads = chart.files.map { file -> DownloadView in
            let name = "\(id).\(file.format.fileExtension)"
            let href = options.selfContained
                ? "data:\(file.format.mimeType);base64," + Data(file.bytes).base64EncodedString()
                : "charts/" + name
            return DownloadView(href: href, label: file.format.rawValue.uppercased(), fileName: name)
        }
        return FigureView(id: "figure-" + id, inlineSvgHtml: inline, imageSrc: src, alt: alt, width: width, height: height,
                          caption: chart.scenario.title(language), downloads: downloads)
    }

    func resultsView(_ r: PrintedResults, of s: Scenario) -> ResultsView {
        // A scenario that prints tables shows its numbers there: its named values repeat them.
        let values: TableView? = r.values.isEmpty || !r.tables.isEmpty ? nil : TableView(
            caption: s.title(language),
            columns: [labels.quantity(language), labels.value(language)],
            rows: r.values.map { RowView(header: $0.name, cells: [Self.format($0)]) })
        let tables = r.tables.map { TableView(caption: $0.title, columns: $0.columns, rows: $0.rows.map { RowView(header: $0.first ?? "", cells: Array($0.dropFirst())) }) }
        return ResultsView(id: "results-" + s.id, caption: s.title(language), values: values, tables: tables,
                           lines: r.lines.joined(separator: "\n"), summary: summary(of: s))
    }

    /// "What the guide's code prints, recomputed by lossplot (code block 22)" for the guide's
    /// scenarios; "What lossplot prints (lossplot run ID)" for lossplot's own.
    func summary(of s: Scenario) -> String {
        let blocks = s.codeBlocks.map(String.init).joined(separator: ", ")
        guard s.origin == .document, !blocks.isEmpty else {
            return "\(labels.lossplotPrints(language)) (lossplot run \(s.id))"
        }
        return "\(labels.printedLines(language)) (\(labels.codeBlock(language)) \(blocks))"
    }

    /// A printed value as the guide prints it: fixed decimals, or a bracketed array.
    static func format(_ v: PrintedValue) -> String {
        if let d = v.decimals, v.values.count == 1 { return String(format: "%.*f", d, v.values[0]) }
        let items = v.values.map { x -> String in
            let s = String(format: "%.8g", x)
            return s == "-0" ? "0" : s
        }
        return v.values.count == 1 ? items[0] : "[" + items.joined(separator: ", ") + "]"
    }
}

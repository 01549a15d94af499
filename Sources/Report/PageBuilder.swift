import LossPlotCharts
import Foundation
import OutputFiles
import Scenarios

/// Assembles one language's page model: the report's prose in that language, with every scenario
/// placed where it belongs (the article that names its id, else the article whose code blocks
/// it reproduces, else the end of its document section). Every text shown goes through
/// `LanguageSpans` (or `RichText` for prose), so passages in the other language carry `lang`.
struct PageBuilder {
    /// The options, with `language` the page's.
    let options: ReportOptions
    /// The prose and labels (Templates/Content).
    let content: ReportContent
    let charts: [String: RenderedChart]
    let results: [String: PrintedResults]
    let stylesheet: String
    /// Folder mode: each chart's file in each format (scenario id → format → path in the folder).
    var chartFiles: [String: [ChartFormat: String]] = [:]
    /// Folder mode: each chart's other renderings (scenario id → variant → path in the folder).
    var chartViews: [String: [ChartVariant: String]] = [:]
    /// Each language's page, its file name in the folder.
    var pages: [Language: String] = [:]
    /// Self-contained mode: the glyph outlines the page's inline charts share.
    let glyphs = InlineGlyphs()
    /// Scenario id → its figure's number on this page (set by `build`, `numberFigures`).
    var figureNumbers: [String: Int] = [:]
    /// What each cross-reference shows (set by `build`, `crossReferenceTargets`).
    var references: [String: CrossReferences.Target] = [:]

    var language: Language { options.language }
    var labels: ReportLabels { content.labels }

    /// Text shown on the page: escaped, foreign passages in `<span lang>`.
    func text(_ s: String) -> String { LanguageSpans.html(s, page: language) }
    /// Prose in the page's language as markup (`RichText`), foreign passages in `<span lang>`,
    /// its citations linked to the references and its cross-references to what they name.
    func prose(_ s: String) -> String { RichText.html(s, in: language, citations: content.citationNumbers, references: references) }

    func build() -> PageModel {
        let placement = Self.place(options.scenarios, in: content.sections)
        var numbered = self
        numbered.figureNumbers = numberFigures(placement)
        numbered.references = numbered.crossReferenceTargets()
        return numbered.page(placement)
    }

    /// The figures of the page numbered from 1 in its order: each article's scenarios, then the
    /// section's unclaimed ones. A scenario is a figure when its chart is drawn, or else its
    /// explorer's frames are.
    func numberFigures(_ placement: (byArticle: [String: [Scenario]], bySection: [String: [Scenario]])) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for section in content.sections {
            let shown = section.articles.flatMap { placement.byArticle[$0.id] ?? [] } + (placement.bySection[section.id] ?? [])
            for s in shown where figureAnchor(s) != nil { numbers[s.id] = numbers.count + 1 }
        }
        return numbers
    }

    /// The page id of a scenario's numbered figure: its chart's, else its explorer's; nil when it shows neither.
    func figureAnchor(_ s: Scenario) -> String? {
        if charts[s.id] != nil { return "figure-" + s.id }
        if let e = s.explorer, !e.values.isEmpty, e.values.indices.allSatisfy({ charts[ExplorerFrames.frameID(s.id, $0)] != nil }) {
            return "explorer-" + s.id
        }
        return nil
    }

    /// `fig:ID` → "Figure 3" linked to the figure, `eq:ID` → "(2)" linked to the equation. A chart
    /// the page does not show (not drawn) is named by its title, unlinked.
    func crossReferenceTargets() -> [String: CrossReferences.Target] {
        var targets: [String: CrossReferences.Target] = [:]
        let scenarios = Dictionary(options.scenarios.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in content.captions.keys {
            if let s = scenarios[id], let anchor = figureAnchor(s), let n = figureNumbers[id] {
                targets[CrossReferences.key(.figure, id)] = .init(href: anchor, text: labels.filled("figure-ref", language, ["{n}": "\(n)"]))
            } else {
                let title = (scenarios[id] ?? ScenarioCatalog.all.first { $0.id == id })?.title(language) ?? id
                targets[CrossReferences.key(.figure, id)] = .init(href: nil, text: language == .uk ? "«\(title)»" : "“\(title)”")
            }
        }
        for (id, n) in content.equationNumbers {
            targets[CrossReferences.key(.equation, id)] = .init(href: Equations.anchor(id), text: "(\(n))")
        }
        return targets
    }

    /// An equation's page id, its number as shown ("(3)") and its group's name ("Equation 3: Huber loss"):
    /// the `k`-th formula of the article or section `place`, titled `title`.
    func equation(_ place: String, _ k: Int, _ title: String) -> (id: String, number: String, label: String) {
        let id = Equations.id(place, k)
        let n = content.equationNumbers[id] ?? 0
        return (Equations.anchor(id), "(\(n))", labels.filled("equation", language, ["{n}": "\(n)", "{title}": title]))
    }

    /// Blocks of the article or section `place` (titled `title`); `formulas` counts its formulas so far.
    func blocks(_ list: [ContentBlock], place: String, title: String, formulas: inout Int) -> [BlockView] {
        list.map { b in
            guard Equations.isFormula(b) else { return block(b, in: title) }
            formulas += 1
            return block(b, in: title, equation: equation(place, formulas, title))
        }
    }

    func page(_ placement: (byArticle: [String: [Scenario]], bySection: [String: [Scenario]])) -> PageModel {
        let sections = content.sections.map { section in
            let title = section.title(language)
            var formulas = 0
            return SectionView(
                id: section.id,
                titleHtml: text(title),
                blocks: blocks(section.intro, place: section.id, title: title, formulas: &formulas),
                articles: section.articles.map { article in
                    self.article(article, scenarios: placement.byArticle[article.id] ?? [])
                },
                extras: (placement.bySection[section.id] ?? []).map(scenario),
                hasExtras: placement.bySection[section.id]?.isEmpty == false,
                extrasTitleHtml: text(labels.moreFigures(language)),
                extrasID: section.id + "-more"
            )
        }
        let toc = sections.map { s in
            TocEntry(id: s.id, titleHtml: s.titleHtml, children: s.articles.map { TocEntry(id: $0.id, titleHtml: $0.titleHtml, children: [], hasChildren: false) },
                     hasChildren: !s.articles.isEmpty)
        }
        let styleHash = FileHash.sha256Base64(Array(stylesheet.utf8))
        let alternates = Language.allCases.compactMap { l in
            pages[l].map { AlternateView(lang: l.rawValue, href: $0, name: labels.languageName(l)) }
        }
        return PageModel(
            lang: language.rawValue,
            title: labels.pageTitle(language),
            titleHtml: text(labels.pageTitle(language)),
            leadHtml: text(labels.lead(language)),
            alternates: alternates,
            otherLanguages: alternates.filter { $0.lang != language.rawValue },
            contentSecurityPolicy: options.selfContained
                ? "default-src 'none'; img-src data:; style-src 'sha256-\(styleHash)'; base-uri 'none'; form-action 'none'"
                : "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'",
            stylesheetHref: options.selfContained ? nil : TemplateSet.styleFile,
            inlineStylesheet: options.selfContained ? stylesheet : nil,
            ui: PageLabels(
                contents: labels.contents(language), pros: labels.pros(language),
                cons: labels.cons(language), useWhen: labels.useWhen(language), avoidWhen: labels.avoidWhen(language),
                download: labels.download(language), printed: labels.printed(language),
                skipToContent: labels.skipToContent(language), skipToMain: labels.skipToMain(language)),
            toc: toc,
            sections: sections,
            footerHtml: text(labels.footer(language)),
            downloadsNoteHtml: options.selfContained ? text(labels.downloadsInFolder(language)) : nil,
            glyphSpriteHtml: glyphs.spriteMarkup,
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
        let html = { (texts: [LocalizedText]) in texts.map { self.prose($0(self.language)) } }
        let title = a.title(language)
        var formulas = 0
        let own = a.formula.map { _ -> (id: String, number: String, label: String) in
            formulas += 1
            return equation(a.id, formulas, title)
        }
        let body = blocks(a.body, place: a.id, title: title, formulas: &formulas)
        let after = blocks(a.after, place: a.id, title: title, formulas: &formulas)
        return ArticleView(
            id: a.id, titleHtml: text(title), formulaHtml: a.formula.map { $0(language) },
            formulaLabel: own?.label ?? "", formulaID: own?.id ?? "", formulaNumber: own?.number ?? "",
            symbolsHtml: html(a.symbols), blocks: body,
            prosHtml: html(a.pros), consHtml: html(a.cons), hasProsCons: !a.pros.isEmpty || !a.cons.isEmpty,
            useWhenHtml: html(a.useWhen), hasUseWhen: !a.useWhen.isEmpty,
            avoidWhenHtml: html(a.avoidWhen), hasAvoidWhen: !a.avoidWhen.isEmpty, hasUse: !a.useWhen.isEmpty || !a.avoidWhen.isEmpty,
            after: after, scenarios: scenarios.map(scenario))
    }

    /// One block; `place` is the title of the article (or section) it stands in, which names
    /// its examples; a formula's `equation` gives its id, number and name.
    func block(_ b: ContentBlock, in place: String, equation: (id: String, number: String, label: String)? = nil) -> BlockView {
        switch b {
        case .paragraph(let t): return BlockView(blockParagraphHtml: prose(t(language)))
        case .list(let items): return BlockView(blockList: ListView(itemsHtml: items.map { prose($0(language)) }))
        case .definitions(let pairs):
            return BlockView(blockDefinitions: DefinitionsView(items: pairs.map {
                DefinitionView(termHtml: prose($0.term(language)), detailHtml: prose($0.detail(language)))
            }))
        case .note(let title, let body, let slip):
            return BlockView(blockNote: NoteView(titleHtml: text(title(language)), bodyHtml: body.map { prose($0(language)) }, slip: slip))
        case .table(let t):
            return BlockView(blockTable: table(caption: t.caption(language), columns: t.columns.map { $0(language) },
                                               rows: t.rows.map { $0.map { $0(language) } }))
        case .formula(let f):
            let eq = equation ?? ("", "", place)
            return BlockView(blockFormula: FormulaView(mathHtml: f(language), label: eq.label, equationID: eq.id, equationNumber: eq.number))
        case .example(let t):
            return BlockView(blockExample: ExampleView(textHtml: text(t(language)), label: "\(labels.codeExample(language)): \(place)"))
        case .references(let entries):
            return BlockView(blockReferences: ReferencesView(references: entries.map {
                ReferenceView(referenceID: Citations.anchor($0.key), referenceHtml: RichText.html($0.text(language), in: language),
                              referenceURL: $0.url)
            }))
        }
    }

    /// A table; each row's first cell is its header cell.
    func table(caption: String, columns: [String], rows: [[String]]) -> TableView {
        TableView(
            caption: caption, captionHtml: text(caption), columnsHtml: columns.map(text),
            rows: rows.map { row in
                RowView(headerHtml: text(row.first ?? ""), cells: row.dropFirst().enumerated().map { i, cell in
                    CellView(html: text(cell), column: i + 1 < columns.count ? columns[i + 1] : "")
                })
            },
            stacked: columns.count >= 3, wide: columns.count >= 6)
    }

    func scenario(_ s: Scenario) -> ScenarioView {
        let takeaway = content.captions[s.id].map { RichText.html($0(language), in: language) }
        let number = figureNumbers[s.id].map { text(labels.filled("figure", language, ["{n}": "\($0)"])) }
        var explorer = s.explorer.flatMap { self.explorer(s.id, $0) }
        if charts[s.id] == nil {
            explorer?.explorerNumberHtml = number
            explorer?.explorerTakeawayHtml = takeaway
        }
        return ScenarioView(id: s.id, titleHtml: text(s.title(language)),
                            figure: charts[s.id].map { figure($0, number: number, takeaway: takeaway) },
                            results: results[s.id].map { resultsView($0, of: s) }, explorer: explorer)
    }

    /// The explorer's radio group and frames; nil when its frames were not drawn (a PDF-only report).
    func explorer(_ id: String, _ e: ParameterExplorer) -> ExplorerView? {
        let frames = e.values.indices.compactMap { charts[ExplorerFrames.frameID(id, $0)] }
        guard frames.count == e.values.count, !frames.isEmpty else { return nil }
        let group = "explore-" + id
        return ExplorerView(
            id: "explorer-" + id, legendHtml: text(e.title(language)),
            choices: e.values.enumerated().map { k, v in
                let value = "\(e.symbol) = \(ParameterExplorer.format(v))"
                let label = v == e.guideValue ? labels.filled("explorer-guide-value", language, ["{value}": value]) : value
                return ExplorerChoiceView(group: group, inputID: "\(group)-\(k)", labelHtml: text(label), checked: v == e.startValue)
            },
            frames: frames.map { chart in
                var view = figure(chart, dataRows: ChartDataTable.frameRows)
                view.downloads = []
                view.hasDownloads = false
                return ExplorerFrameView(figure: view)
            })
    }

    /// A chart's figure; `number` ("Figure 3.") and `takeaway` (markup) for a numbered one, and
    /// at most `dataRows` rows in each of its data tables.
    func figure(_ chart: RenderedChart, number: String? = nil, takeaway: String? = nil, dataRows: Int = ChartDataTable.maximumRows) -> FigureView {
        let id = chart.scenario.id
        let title = chart.scenario.title(language)
        let (width, height) = chart.figure.pixelSize(scale: 1)
        let alt = chart.figure.description.isEmpty ? title : chart.figure.description
        var inline: String? = nil
        var inlineNarrow: String? = nil
        var src: String? = nil
        var sources: [PictureSourceView] = []
        var downloads: [DownloadView] = []
        if options.selfContained {
            // One format is drawn (ReportWriter): SVG inline, else a PNG as a data: URI. No
            // download links: a copy of every chart for them would be most of the page.
            if let svg = chart.bytes(.svg) {
                inline = InlineSVG.markup(String(decoding: svg, as: UTF8.self)).map(glyphs.share)
                if let narrow = chart.view(ChartVariant(narrow: true, dark: false)), narrow.format == .svg {
                    inlineNarrow = InlineSVG.markup(String(decoding: narrow.bytes, as: UTF8.self)).map(glyphs.share)
                }
            }
            if inline == nil, let (format, bytes, _) = chart.files.first(where: { $0.format != .pdf }) {
                src = "data:\(format.mimeType);base64," + Data(bytes).base64EncodedString()
            }
        } else {
            let paths = chartFiles[id] ?? [:]
            src = paths[.svg] ?? paths[.png]
            let views = chartViews[id] ?? [:]
            // Most specific first: the browser takes the first source whose media matches.
            for variant in [ChartVariant(narrow: true, dark: true), ChartVariant(narrow: true, dark: false), ChartVariant(narrow: false, dark: true)] {
                guard let path = views[variant], let media = variant.media else { continue }
                let size = variant.apply(chart.figure).pixelSize(scale: 1)
                sources.append(PictureSourceView(media: media, srcset: path, width: size.width, height: size.height))
            }
            downloads = chart.files.compactMap { file -> DownloadView? in
                guard let path = paths[file.format] else { return nil }
                let format = file.format.rawValue.uppercased()
                return DownloadView(href: path, label: format,
                                    name: labels.filled("download-chart", language, ["{chart}": title, "{format}": format]),
                                    fileName: "\(id).\(file.format.fileExtension)")
            }
        }
        let data = ChartDataTable.tables(of: chart.figure, maximumRows: dataRows).map { t in
            table(caption: labels.filled("chart-data-table", language, ["{chart}": t.title]), columns: t.columns, rows: t.rows)
        }
        return FigureView(id: "figure-" + id, inlineSvgHtml: inline, inlineNarrowSvgHtml: inlineNarrow, sources: sources,
                          imageSrc: src, alt: alt, width: width, height: height,
                          caption: title, captionHtml: text(title) + (takeaway == nil || title.last.map { ".!?".contains($0) } == true ? "" : "."),
                          figureNumberHtml: number, figureTakeawayHtml: takeaway, downloads: downloads, hasDownloads: !downloads.isEmpty,
                          dataTables: data, hasDataTables: !data.isEmpty, dataSummary: labels.chartData(language))
    }

    func resultsView(_ r: PrintedResults, of s: Scenario) -> ResultsView {
        let title = s.title(language)
        // A scenario that prints tables shows its numbers there: its named values repeat them.
        let values: TableView? = r.values.isEmpty || !r.tables.isEmpty ? nil : table(
            caption: title, columns: [labels.quantity(language), labels.value(language)],
            rows: r.values.map { [$0.name, Self.format($0)] })
        let tables = r.tables.map { table(caption: $0.title, columns: $0.columns, rows: $0.rows) }
        let summary = summary(of: s)
        return ResultsView(id: "results-" + s.id, values: values, tables: tables,
                           linesHtml: text(r.lines.joined(separator: "\n")),
                           linesLabel: "\(summary): \(title)", summary: summary)
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

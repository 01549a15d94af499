import Foundation
import Scenarios

/// Reads the report's text from the `Content/` folder of the templates folder (so `--templates DIR`
/// brings its own text): `Content/LANG/labels.txt` and one `Content/LANG/NN-id.md` per section,
/// the sections in the order of their names. It refuses, with the file, line and column, anything
/// the page could not show as written: a syntax slip in a file (`ContentParser`), a section, an
/// article or a block that one language has and another has not, or an order the page cannot
/// keep (`ContentAssembler`). Every language is checked, whichever the report is written in.
extension ReportContent {
    /// The folder inside the templates folder.
    static let folder = "Content"
    static let labelsFile = "labels.txt"

    /// Loads `templatesDirectory/Content`; `::: charts` may name the ids of `scenarios` only, and
    /// each of them that draws a chart (a figure or an explorer) needs a caption in `captions.txt`.
    static func load(templatesDirectory: String, scenarios: [Scenario] = ScenarioCatalog.all) throws -> ReportContent {
        let scenarioIDs = Set(scenarios.map(\.id))
        let chartIDs = Set(scenarios.filter { $0.figure != nil || $0.explorer != nil }.map(\.id))
        let root = templatesDirectory + "/" + folder
        guard isFolder(root) else {
            throw ReportError("templates folder \(templatesDirectory) has no \(folder)/ folder (the report's text, one folder per language)")
        }
        var sectionFiles: [Language: [String]] = [:]
        for language in Language.allCases {
            let dir = root + "/" + language.rawValue
            guard isFolder(dir) else { throw ReportError("\(root) has no \(language.rawValue)/ folder: every language needs its text") }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { throw ReportError("cannot read the folder \(dir)") }
            let names = entries.filter { $0.hasSuffix(".md") }.sorted()
            if let bad = names.first(where: { sectionID(fileName: $0) == nil }) {
                throw ReportError("\(dir)/\(bad): a section file is named NN-id.md (two digits for its place, then its id)")
            }
            guard !names.isEmpty else { throw ReportError("\(dir) holds no section file (NN-id.md)") }
            sectionFiles[language] = names
        }
        let reference = Language.en, other = Language.uk
        let referenceNames = sectionFiles[reference] ?? [], otherNames = sectionFiles[other] ?? []
        for (language, names, missingIn, others) in [(reference, referenceNames, other, otherNames), (other, otherNames, reference, referenceNames)] {
            if let lone = names.first(where: { !others.contains($0) }) {
                let section = sectionID(fileName: lone) ?? lone
                throw ReportError("\(root)/\(language.rawValue)/\(lone):1:1: section '\(section)' has no \(missingIn.rawValue) text: \(root)/\(missingIn.rawValue)/\(lone) is missing")
            }
        }
        let labels = try loadLabels(root: root)
        var assembler = ContentAssembler(labels: labels, scenarioIDs: scenarioIDs)
        var sections: [ContentSection] = []
        var citations: [(file: ContentFile, uses: [Citations.Use])] = []
        var crossReferences: [(file: ContentFile, uses: [CrossReferences.Use])] = []
        var bibliography: (files: [ContentFile], line: Int, keys: [String])?
        for name in referenceNames {
            let referenceFile = try ContentFile.read(root + "/" + reference.rawValue + "/" + name)
            let otherFile = try ContentFile.read(root + "/" + other.rawValue + "/" + name)
            let referenceNodes = try ContentParser(file: referenceFile, knownScenarioIDs: scenarioIDs).parse()
            let otherNodes = try ContentParser(file: otherFile, knownScenarioIDs: scenarioIDs).parse()
            let paired = try pair(en: (referenceFile, referenceNodes), uk: (otherFile, otherNodes))
            sections.append(try assembler.section(id: sectionID(fileName: name) ?? name, nodes: paired, file: referenceFile))
            citations += [(referenceFile, try Citations.scan(referenceFile)), (otherFile, try Citations.scan(otherFile))]
            crossReferences += [(referenceFile, try CrossReferences.scan(referenceFile)), (otherFile, try CrossReferences.scan(otherFile))]
            for node in paired {
                guard case .references(let keys) = node.kind else { continue }
                if let first = bibliography {
                    throw referenceFile.error(line: node.line, "a second '::: references': the page has one list of references (the first is at \(first.files[0].location(line: first.line)))")
                }
                bibliography = ([referenceFile, otherFile], node.line, keys.map(\.key))
            }
        }
        let numbers = try citationNumbers(citations, bibliography)
        let equations = Equations.all(in: sections).map(\.id)
        try check(crossReferences, charts: chartIDs, equations: equations)
        let captions = try Captions.load(root: root, charts: chartIDs, printing: scenarioIDs.subtracting(chartIDs))
        return ReportContent(sections: sections, labels: labels, citationNumbers: numbers, captions: captions,
                             equationNumbers: Dictionary(uniqueKeysWithValues: equations.enumerated().map { ($1, $0 + 1) }))
    }

    /// Refuses, at its file, line and column, a cross-reference to a chart no scenario draws or
    /// to an equation the content does not have.
    static func check(_ uses: [(file: ContentFile, uses: [CrossReferences.Use])], charts: Set<String>, equations: [String]) throws {
        let known = Set(equations)
        for (file, list) in uses {
            for use in list {
                switch use.kind {
                case .figure where !charts.contains(use.id):
                    throw file.error(line: use.line, column: use.column,
                                     "'[#fig:\(use.id)]' names no chart: no scenario draws a figure or an explorer with this id (lossplot list shows them)")
                case .equation where !known.contains(use.id):
                    let some = equations.prefix(3).map { "[#eq:\($0)]" }.joined(separator: ", ")
                    throw file.error(line: use.line, column: use.column,
                                     "'[#eq:\(use.id)]' names no equation: an equation's id is its article's, then -2, -3 for the article's further formulas (\(some), …)")
                default:
                    continue
                }
            }
        }
    }

    /// Reference key → number, once every citation names an entry and every entry is cited in
    /// each language; otherwise an error at the first citation or entry that is not.
    static func citationNumbers(_ citations: [(file: ContentFile, uses: [Citations.Use])],
                                _ bibliography: (files: [ContentFile], line: Int, keys: [String])?) throws -> [String: Int] {
        let keys = bibliography?.keys ?? []
        let numbers = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })
        for (file, uses) in citations {
            for use in uses {
                if let unknown = use.keys.first(where: { numbers[$0] == nil }) {
                    let list = bibliography.map { "the list at \($0.files[0].location(line: $0.line))" } ?? "the page has no '::: references'"
                    throw file.error(line: use.line, column: use.column, "'[@\(unknown)]' cites no entry of '::: references' (\(list))")
                }
            }
        }
        if let bibliography {
            for file in bibliography.files {
                // The files of one language are the files of the same folder.
                let folder = { (path: String) in path[..<(path.lastIndex(of: "/") ?? path.startIndex)] }
                let cited = Set(citations.filter { folder($0.file.path) == folder(file.path) }.flatMap { $0.uses.flatMap(\.keys) })
                if let lonely = keys.first(where: { !cited.contains($0) }) {
                    let line = file.lines.firstIndex { $0.trimmed.hasPrefix("- \(lonely):") }.map { $0 + 1 } ?? bibliography.line
                    throw file.error(line: line, "reference '\(lonely)' is cited nowhere in this language's text: cite it as [@\(lonely)] or leave it out")
                }
            }
        }
        return numbers
    }

    /// `NN-id.md` → `id`.
    static func sectionID(fileName: String) -> String? {
        let digits = fileName.prefix(2)
        guard fileName.hasSuffix(".md"), digits.count == 2, digits.allSatisfy({ ("0"..."9").contains($0) }),
              fileName.dropFirst(2).first == "-" else { return nil }
        let id = String(fileName.dropFirst(3).dropLast(3))
        return ContentParser.isID(id) ? id : nil
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func loadLabels(root: String) throws -> ReportLabels {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let path = root + "/" + language.rawValue + "/" + labelsFile
            guard FileManager.default.fileExists(atPath: path) else {
                throw ReportError("\(path) is missing: the page's labels in \(language.rawValue), 'key: text' one a line")
            }
            texts[language] = try ReportLabels.read(ContentFile.read(path))
        }
        return ReportLabels(texts: Dictionary(uniqueKeysWithValues: ReportLabels.keys.map { key in
            (key, LocalizedText(en: texts[.en]?[key] ?? "", uk: texts[.uk]?[key] ?? ""))
        }))
    }

    /// The two languages' nodes side by side: the same kinds with the same number of texts, in
    /// the same order, or an error at the first place where the translation departs.
    static func pair(en: (file: ContentFile, nodes: [ContentNode]), uk: (file: ContentFile, nodes: [ContentNode])) throws -> [PairedNode] {
        let rule = "both languages have the same sections, articles and blocks, in the same order"
        var out: [PairedNode] = []
        for index in 0..<max(en.nodes.count, uk.nodes.count) {
            let e = index < en.nodes.count ? en.nodes[index] : nil
            let u = index < uk.nodes.count ? uk.nodes[index] : nil
            switch (e, u) {
            case let (e?, u?) where e.hasSameShape(as: u):
                out.append(PairedNode(kind: e.kind, texts: zip(e.texts, u.texts).map { LocalizedText(en: $0, uk: $1) }, line: e.line))
            case let (e?, u?):
                throw uk.file.error(line: u.line, "\(u.summary) here, but \(e.summary) at \(en.file.location(line: e.line)): \(rule)")
            case let (e?, nil):
                throw uk.file.error(line: uk.file.endLine, "the text ends here, but \(en.file.location(line: e.line)) goes on with \(e.summary): \(rule)")
            case let (nil, u?):
                let last = en.nodes.last.map { "the last thing in \(en.file.location(line: $0.line)) is \($0.summary)" } ?? "\(en.file.path) is empty"
                throw uk.file.error(line: u.line, "\(u.summary) here, but \(last): \(rule)")
            case (nil, nil):
                break
            }
        }
        return out
    }
}

import LossPlotCairo
import LossPlotCharts
import Foundation
import Report
import Scenarios

/// Temporary folders, small scenarios and page inspection shared by the report tests.
enum Fixture {
    /// A fresh path under the temporary folder (not created).
    static func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-test-\(getpid())-\(name)").path
    }

    static func remove(_ paths: String...) {
        for p in paths { try? FileManager.default.removeItem(atPath: p) }
    }

    /// The id of a process that has exited, as a run killed earlier leaves in its folder names.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A chart and a printed table whose texts need escaping. Its id is also an article's id
    /// ("mse"), so the page's heading ids and the inline SVG's ids would clash if charts were not
    /// prefixed.
    static let hostile = Scenario(
        id: "mse",
        title: LocalizedText(en: "A <b>bold</b> & \"quoted\" title", uk: "Назва <i>з</i> & «лапками»"),
        section: .regression,
        figure: { _ in
            var ax = Axes()
            ax.plot(LineSeries(x: [0, 1, 2], y: [0, 1, 4], label: "x<y", color: .black, width: 1))
            return Figure(widthInches: 3, heightInches: 2, axes: [ax], title: "t<script>", description: "d & <img src=x>")
        },
        results: { PrintedResults(lines: ["<script>alert(1)</script>"], values: [PrintedValue("a<b", 0.5)],
                                  tables: [PrintedTable(title: "T&T", columns: ["<c>", "v"], rows: [["r\"1", "1 < 2"]])]) }
    )

    /// A second small chart, printed-only results, and the hostile scenario: small charts keep the
    /// suite fast (the real charts are checked by ScenariosTests and the browser check).
    static let small = Scenario(
        id: "small-chart", title: LocalizedText(en: "Small", uk: "Малий"), section: .classification, codeBlocks: [12],
        figure: { language in
            var ax = Axes()
            ax.plot(LineSeries(x: [0, 1], y: [1, 0], label: language == .en ? "down" : "вниз", color: .black, width: 1))
            return Figure(widthInches: 3, heightInches: 2, axes: [ax], title: "small", description: "A falling line.")
        })
    static let printedOnly = Scenario(
        id: "printed-only", title: LocalizedText(en: "Printed", uk: "Друк"), section: .advanced, codeBlocks: [17],
        results: { PrintedResults(lines: ["Triplet Loss: 0.0000"], values: [PrintedValue("Triplet Loss", 0)]) })

    static var scenarios: [Scenario] { [small, printedOnly, hostile] }

    static func options(_ out: String, language: Language = .en, formats: [ChartFormat] = [.svg, .png],
                        selfContained: Bool = false, templates: String? = nil, epoch: Int? = nil) -> ReportOptions {
        ReportOptions(outputDirectory: out, language: language, formats: formats, selfContained: selfContained,
                      templatesDirectory: templates, sourceDateEpoch: epoch, scenarios: scenarios)
    }

    /// Every file under `dir`, relative path → bytes.
    static func contents(of dir: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        guard let e = FileManager.default.enumerator(atPath: dir) else { return out }
        for case let rel as String in e {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: dir + "/" + rel).map { [UInt8]($0) } ?? []
            }
        }
        return out
    }

    static func text(_ dir: String, _ file: String = "index.html") -> String {
        (try? String(contentsOfFile: dir + "/" + file, encoding: .utf8)) ?? ""
    }

    /// A templates folder copied from the real one, for tests that break it.
    static func copyOfTemplates(_ name: String) throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates").path
        let copy = path(name)
        remove(copy)
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        return copy
    }
}

/// Structural checks on the generated HTML that need no parser library.
enum HTMLCheck {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// Problems with tag nesting: every non-void element closed, in order.
    static func nestingProblems(_ html: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return problems + ["unclosed comment"] }
                rest = rest[end.upperBound...]; continue
            }
            if rest.hasPrefix("<!") {
                guard let end = rest.firstIndex(of: ">") else { break }
                rest = rest[rest.index(after: end)...]; continue
            }
            guard let end = rest.firstIndex(of: ">") else { return problems + ["unclosed tag"] }
            let tag = rest[rest.index(after: rest.startIndex)..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().lowercased()
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
                continue
            }
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            if name.isEmpty { problems.append("bare <"); continue }
            if tag.hasSuffix("/") || voidElements.contains(name) { continue }
            if name == "style" || name == "script" {
                guard let close = rest.range(of: "</\(name)>") else { return problems + ["unclosed <\(name)>"] }
                rest = rest[close.upperBound...]; continue
            }
            stack.append(name)
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack.joined(separator: " > "))") }
        return problems
    }

    /// Every `id="…"` value in the page (HTML and inline SVG alike).
    static func ids(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let r = rest.range(of: " id=\"") {
            guard let end = rest[r.upperBound...].firstIndex(of: "\"") else { break }
            out.append(String(rest[r.upperBound..<end]))
            rest = rest[end...]
        }
        return out
    }

    static func duplicates(_ values: [String]) -> [String] {
        var seen: Set<String> = [], dup: Set<String> = []
        for v in values where !seen.insert(v).inserted { dup.insert(v) }
        return dup.sorted()
    }

    /// The heading levels in document order.
    static func headingLevels(_ html: String) -> [Int] {
        var out: [Int] = []
        var rest = html[...]
        while let r = rest.range(of: "<h") {
            let next = rest[r.upperBound...].first
            if let n = next, let level = Int(String(n)), (1...6).contains(level) { out.append(level) }
            rest = rest[r.upperBound...]
        }
        return out
    }
}

import Foundation
import Testing

/// Every `lossplot` command the report's prose shows is run with the built binary and must print
/// what the page shows next to it: a code span `lossplot run ID` the printed results of scenario
/// ID in the same article (as `lossplot report` renders them from Templates/), a transcript
/// (`$ printf '%s\n' … > FILE`, `$ lossplot eval …`, each followed by its output) exactly the
/// output it shows. And every printed result on the page has its command beside it.
@Suite struct ProseCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("Templates").path
    static let languages = ["en", "uk"]

    /// The commands of one language's content files, in file order.
    static func commands(_ language: String) throws -> [ProseCommand] {
        let folder = templates + "/Content/" + language
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        return try files.flatMap { name in
            ProseCommandScanner.commands(in: try String(contentsOfFile: folder + "/" + name, encoding: .utf8), file: language + "/" + name)
        }
    }

    /// The page `lossplot report --lang LANGUAGE` writes from this checkout's Templates/.
    static func page(_ language: String) throws -> ReportPage {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-prose-page-\(language)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLIRun(["report", "--templates", templates, "--lang", language, "--formats", "svg", "--out", out.path])
        guard run.status == 0 else { throw CheckFailure("lossplot report --lang \(language) exited \(run.status): \(run.stderr)") }
        // The page whose root element is in this language, wherever the report puts it.
        let pages = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") } ?? []
        for path in pages.sorted() {
            let html = try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
            if html.contains("<html lang=\"\(language)\"") { return ReportPage(html: html) }
        }
        throw CheckFailure("lossplot report --lang \(language) wrote no page in \(language): \(pages)")
    }

    struct CheckFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test(arguments: languages)
    func everyPrintedResultOnThePageHasTheCommandThatPrintsItBesideIt(language: String) throws {
        let page = try Self.page(language)
        let results = page.printedResults()
        #expect(results.count >= 13, "printed results found on the \(language) page: \(results.map(\.id))")
        let missing = results.filter { !ReportPage.names($0.id, in: $0.beside) }.map(\.id)
        #expect(missing.isEmpty, "\(language): printed results with no `lossplot run ID` beside them: \(missing)")
    }

    @Test(arguments: languages)
    func everyCommandInTheProseRunsAndPrintsWhatThePageShowsNextToIt(language: String) throws {
        let commands = try Self.commands(language)
        #expect(commands.contains { if case .transcript = $0.kind { true } else { false } }, "\(language): no transcript")
        #expect(commands.contains { if case .span = $0.kind { true } else { false } }, "\(language): no `lossplot run` span")
        let check = ProseCommandCheck(page: try Self.page(language))
        for command in commands {
            let problems = try check.problems(command)
            #expect(problems.isEmpty, "\(command.place): \(problems.joined(separator: "; "))")
        }
    }

    /// The check is not a formality: a command that fails, prints something else, is not beside
    /// what it prints, or cannot be run as written, is a problem.
    @Test func aCommandThatDoesNotWorkOrPrintsSomethingElseFailsTheCheck() throws {
        let check = ProseCommandCheck(page: try Self.page("en"))
        func transcript(_ text: String, article: String = "huber") -> ProseCommand {
            ProseCommand(place: "test", article: article, kind: .transcript(ProseCommandScanner.steps(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))))
        }
        let files = "$ printf '%s\\n' 1 2 3 4 100 > t.csv\n$ printf '%s\\n' 1.1 2.1 2.9 4.2 5 > p.csv\n"
        // The real thing passes, so each failure below is the one thing changed.
        #expect(try check.problems(transcript(files + "$ lossplot eval huber --delta 1 \\\n    --y-true t.csv --y-pred p.csv\nhuber (mean over 5 samples): 18.907")).isEmpty)
        #expect(try check.problems(ProseCommand(place: "test", article: "huber", kind: .span(["run", "huber-example"]))).isEmpty)
        let failing: [(String, ProseCommand)] = [
            ("other output", transcript(files + "$ lossplot eval huber --delta 1 --y-true t.csv --y-pred p.csv\nhuber (mean over 5 samples): 18.91")),
            ("non-zero exit", transcript(files + "$ lossplot eval huber --delta -1 --y-true t.csv --y-pred p.csv\n")),
            ("missing file", transcript("$ lossplot eval mse --y-true t.csv --y-pred p.csv\nmse (mean over 5 samples): 1.0")),
            ("not printf or lossplot", transcript("$ cat t.csv\n")),
            ("quoting", transcript(files + "$ lossplot eval huber --y-true 't.csv' --y-pred p.csv\n")),
            ("output before a command", transcript("huber: 1\n$ lossplot list\n")),
            ("printf of another form", transcript("$ printf '1\\n2\\n' > t.csv\n")),
            ("no lossplot command", transcript(files)),
            ("unknown scenario", ProseCommand(place: "test", article: "huber", kind: .span(["run", "no-such-scenario"]))),
            ("results not in this article", ProseCommand(place: "test", article: "mse", kind: .span(["run", "huber-example"]))),
            ("a span that needs files", ProseCommand(place: "test", article: "huber", kind: .span(["eval", "huber", "--y-true", "t.csv"]))),
        ]
        for (what, command) in failing {
            #expect(try !check.problems(command).isEmpty, "\(what) passed the check")
        }
    }

    @Test func theScannerFindsSpansAndTranscriptsWithTheirArticles() {
        let text = """
            # Section

            ## First {#first}

            Text with `code` and `lossplot run mse-example` in it.

            ```
            errors [1, 1]
            ```

            ## Second {#second}

            ```
            $ printf '%s\\n' 0 0 > t.csv
            $ lossplot eval mse \\
                --y-true t.csv \\
                --y-pred t.csv
            mse (mean over 2 samples): 0.0

            ```
            """
        let commands = ProseCommandScanner.commands(in: text, file: "x.md")
        #expect(commands.count == 2)
        guard commands.count == 2, case .span(let words) = commands[0].kind, case .transcript(let steps) = commands[1].kind else {
            Issue.record("\(commands)")
            return
        }
        #expect(words == ["run", "mse-example"] && commands[0].article == "first" && commands[0].place == "x.md:5")
        #expect(commands[1].article == "second" && commands[1].place == "x.md:13")
        #expect(steps.map(\.command) == ["printf '%s\\n' 0 0 > t.csv", "lossplot eval mse --y-true t.csv --y-pred t.csv"])
        #expect(steps.last?.output == ["mse (mean over 2 samples): 0.0", ""])
    }
}

/// Runs a prose command the way a reader would, in an empty folder of its own, and lists what is
/// wrong with it (nothing, when it prints what the page shows beside it).
struct ProseCommandCheck {
    let page: ReportPage

    func problems(_ command: ProseCommand) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-prose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        switch command.kind {
        case .span(let words): return try spanProblems(words, article: command.article, in: folder)
        case .transcript(let steps): return try transcriptProblems(steps, in: folder)
        }
    }

    /// `lossplot run ID` beside the results of scenario ID: exit 0 and the lines the page prints.
    func spanProblems(_ words: [String], article: String?, in folder: URL) throws -> [String] {
        let shown = "`lossplot \(words.joined(separator: " "))`"
        guard words.count == 2, words[0] == "run" else {
            return ["\(shown): a code span shows `lossplot run ID` beside that scenario's results; show any other command as a transcript with its files and output"]
        }
        let run = try CLIRun(words, in: folder)
        guard run.status == 0 else { return ["\(shown) exits \(run.status): \(run.stderr)"] }
        guard let article, let markup = page.article(article) else { return ["\(shown) is in no article of the page"] }
        guard let lines = ReportPage.printedLines(of: words[1], in: markup) else {
            return ["\(shown): article {#\(article)} shows no printed results of \(words[1])"]
        }
        let printed = run.stdout.hasSuffix("\n") ? String(run.stdout.dropLast()) : run.stdout
        return printed == lines ? [] : ["\(shown) prints\n\(printed)\nbut article {#\(article)} shows\n\(lines)"]
    }

    /// Each step run in order in `folder`: `printf '%s\n' V… > FILE` writes the file, `lossplot …`
    /// must exit 0 and print exactly the lines shown after it.
    func transcriptProblems(_ steps: [TranscriptStep], in folder: URL) throws -> [String] {
        var problems: [String] = []
        var ranLossplot = false
        for step in steps {
            let words = step.command.split(separator: " ").map(String.init)
            let shown = "`\(step.command)`"
            if words.isEmpty {
                problems.append("output before the first `$ ` line: \(step.output)")
            } else if let unsafe = step.command.first(where: { !Self.plain($0) && !"'%\\>".contains($0) }) {
                problems.append("\(shown): '\(unsafe)' is not a character a transcript may use")
            } else if words[0] == "printf" {
                guard words.count >= 5, words[1] == "'%s\\n'", words[words.count - 2] == ">",
                      let name = words.last, !name.hasPrefix("."), name.allSatisfy(Self.plain), !name.contains("/") else {
                    problems.append("\(shown): a transcript writes a file as `printf '%s\\n' V1 V2 … > NAME`")
                    continue
                }
                let values = words[2..<(words.count - 2)]
                guard values.allSatisfy({ $0.allSatisfy(Self.plain) }) else {
                    problems.append("\(shown): printf's values are plain words")
                    continue
                }
                try (values.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
                if step.output.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    problems.append("\(shown) prints nothing, but the transcript shows \(step.output)")
                }
            } else if words[0] == "lossplot" {
                ranLossplot = true
                guard step.command.allSatisfy(Self.plain) else {
                    problems.append("\(shown): lossplot's arguments are plain words (no quotes or redirection)")
                    continue
                }
                let run = try CLIRun(Array(words.dropFirst()), in: folder)
                guard run.status == 0 else {
                    problems.append("\(shown) exits \(run.status): \(run.stderr)")
                    continue
                }
                let printed = Self.lines(run.stdout.hasSuffix("\n") ? String(run.stdout.dropLast()) : run.stdout)
                var expected = step.output.map(Self.trimmedEnd)
                while expected.last?.isEmpty == true { expected.removeLast() }
                if printed != expected {
                    problems.append("\(shown) prints\n\(printed.joined(separator: "\n"))\nbut the transcript shows\n\(expected.joined(separator: "\n"))")
                }
            } else {
                problems.append("\(shown): a transcript runs only `printf '%s\\n' … > FILE` and `lossplot …`")
            }
        }
        if !ranLossplot { problems.append("a transcript with no lossplot command") }
        return problems
    }

    /// Letters, digits, spaces and - _ . , : / = + (what a file name, a flag or a number needs).
    static func plain(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || " -_.,:/=+".contains(c)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { trimmedEnd(String($0)) }
    }

    static func trimmedEnd(_ s: String) -> String {
        var s = s
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}

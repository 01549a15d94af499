import Foundation

/// A `lossplot` command the report's prose shows (Templates/Content/{en,uk}/NN-id.md), found the
/// way a reader finds it: a code span that starts with `lossplot `, or a terminal transcript (an
/// example block whose lines start with `$ `).
struct ProseCommand {
    enum Kind {
        /// `` `lossplot run huber-example` ``: its words after `lossplot`.
        case span([String])
        /// An example block of `$ command` lines, each followed by what it prints.
        case transcript([TranscriptStep])
    }

    /// `uk/02-regression.md:54`.
    var place: String
    /// The article (`## Title {#id}`) it stands in, nil before the first.
    var article: String?
    var kind: Kind
}

/// One `$ ` line of a transcript (with its `\` continuations joined) and the lines it prints.
struct TranscriptStep {
    var command: String
    var output: [String]
}

/// Finds the commands in one content file.
enum ProseCommandScanner {
    static func commands(in text: String, file: String) -> [ProseCommand] {
        var found: [ProseCommand] = []
        var article: String?
        var fence: (start: Int, lines: [String])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            let number = index + 1
            if line.trimmingCharacters(in: .whitespaces) == "```" {
                if let open = fence {
                    if open.lines.contains(where: { $0.hasPrefix("$ ") }) {
                        found.append(ProseCommand(place: "\(file):\(open.start)", article: article, kind: .transcript(steps(open.lines))))
                    }
                    fence = nil
                } else {
                    fence = (number, [])
                }
                continue
            }
            if fence != nil {
                fence?.lines.append(line)
                continue
            }
            if line.hasPrefix("## "), let open = line.range(of: "{#", options: .backwards), line.hasSuffix("}") {
                article = String(line[open.upperBound..<line.index(before: line.endIndex)])
            }
            // Between backticks: the odd pieces of the line split at each backtick.
            for (k, piece) in line.split(separator: "`", omittingEmptySubsequences: false).enumerated() where k % 2 == 1 {
                let words = piece.split(separator: " ").map(String.init)
                if words.count > 1, words[0] == "lossplot" {
                    found.append(ProseCommand(place: "\(file):\(number)", article: article, kind: .span(Array(words.dropFirst()))))
                }
            }
        }
        return found
    }

    /// A transcript's steps: `$ ` starts a command, a line ending in ` \` continues it on the next,
    /// and every other line is output of the command above it (lines before the first `$ ` are
    /// kept as the output of an empty command, which the runner refuses).
    static func steps(_ lines: [String]) -> [TranscriptStep] {
        var steps: [TranscriptStep] = []
        var continuing = false
        for line in lines {
            if continuing, var last = steps.popLast() {
                let part = line.trimmingCharacters(in: .whitespaces)
                continuing = part.hasSuffix(" \\")
                last.command += " " + (continuing ? String(part.dropLast(2)) : part)
                steps.append(last)
            } else if line.hasPrefix("$ ") {
                let command = String(line.dropFirst(2))
                continuing = command.hasSuffix(" \\")
                steps.append(TranscriptStep(command: continuing ? String(command.dropLast(2)) : command, output: []))
            } else if steps.isEmpty {
                steps.append(TranscriptStep(command: "", output: [line]))
            } else {
                steps[steps.count - 1].output.append(line)
            }
        }
        return steps
    }
}

/// The page `lossplot report` wrote, read as a reader sees it beside a command: what an article
/// shows, and what a scenario's printed results hold.
struct ReportPage {
    let html: String
    /// Each `<section …class="article"…>` of the page: its id and its markup, to its own end.
    let articles: [(id: String, markup: Substring)]

    init(html: String) {
        self.html = html
        var articles: [(String, Substring)] = []
        var cursor = html.startIndex
        while let open = html.range(of: "<section", range: cursor..<html.endIndex),
              let tagEnd = html.range(of: ">", range: open.upperBound..<html.endIndex) {
            cursor = tagEnd.upperBound
            let tag = html[open.lowerBound..<tagEnd.upperBound]
            guard tag.contains("class=\"article"), let idStart = tag.range(of: " id=\""),
                  let idEnd = tag.range(of: "\"", range: idStart.upperBound..<tag.endIndex),
                  let end = Self.end(ofSectionAt: tagEnd.upperBound, in: html) else { continue }
            articles.append((String(tag[idStart.upperBound..<idEnd.lowerBound]), html[open.lowerBound..<end]))
        }
        self.articles = articles
    }

    /// Where the section whose start tag ends at `start` closes, counting sections inside it.
    static func end(ofSectionAt start: String.Index, in html: String) -> String.Index? {
        var depth = 1
        var cursor = start
        while let close = html.range(of: "</section>", range: cursor..<html.endIndex) {
            let inner = html[cursor..<close.lowerBound].components(separatedBy: "<section").count - 1
            depth += inner - 1
            cursor = close.upperBound
            if depth <= 0 { return close.upperBound }
        }
        return nil
    }

    /// The markup of the article with this id.
    func article(_ id: String) -> Substring? {
        articles.first { $0.id == id }?.markup
    }

    /// The text of the first `<pre>` after `id="results-ID"` in `markup`: the printed lines.
    static func printedLines(of id: String, in markup: Substring) -> String? {
        guard let results = markup.range(of: "id=\"results-\(id)\""),
              let open = markup.range(of: "<pre", range: results.upperBound..<markup.endIndex),
              let openEnd = markup.range(of: ">", range: open.upperBound..<markup.endIndex),
              let close = markup.range(of: "</pre>", range: openEnd.upperBound..<markup.endIndex) else { return nil }
        return unescaped(withoutTags(String(markup[openEnd.upperBound..<close.lowerBound])))
    }

    /// Every scenario id with printed results on the page, and the markup a reader sees beside
    /// them: the enclosing article, or the results block itself when no article holds it.
    func printedResults() -> [(id: String, beside: Substring)] {
        var found: [(String, Substring)] = []
        var cursor = html.startIndex
        while let marker = html.range(of: "id=\"results-", range: cursor..<html.endIndex),
              let quote = html.range(of: "\"", range: marker.upperBound..<html.endIndex) {
            let id = String(html[marker.upperBound..<quote.lowerBound])
            cursor = quote.upperBound
            if let article = articles.first(where: { $0.markup.startIndex <= marker.lowerBound && marker.upperBound <= $0.markup.endIndex }) {
                found.append((id, article.markup))
            } else if let end = html.range(of: "</details>", range: marker.upperBound..<html.endIndex) {
                found.append((id, html[marker.lowerBound..<end.upperBound]))
            }
        }
        return found
    }

    /// Whether `markup` names `lossplot run ID` as a whole command (not the start of a longer id).
    static func names(_ id: String, in markup: Substring) -> Bool {
        var cursor = markup.startIndex
        while let r = markup.range(of: "lossplot run \(id)", range: cursor..<markup.endIndex) {
            guard let next = markup[r.upperBound...].first else { return true }
            if !(next.isLetter || next.isNumber || next == "-") { return true }
            cursor = r.upperBound
        }
        return false
    }

    /// Markup inside the output (`<span lang>` around passages in the other language) left out:
    /// the text a reader sees.
    static func withoutTags(_ s: String) -> String {
        s.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    static func unescaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

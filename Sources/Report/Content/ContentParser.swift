import Foundation
import Scenarios

/// Reads one section file (Markdown with a few `:::` directives; Templates/Content/README.md
/// describes it) into its nodes. Everything a single file can get wrong is refused here, with the
/// file, line and column: an unknown directive, an unknown chart id, a formula that is not
/// well-formed MathML, a table row of the wrong width, a directive never closed.
struct ContentParser {
    let file: ContentFile
    /// The scenario ids a `::: charts` line may name.
    let knownScenarioIDs: Set<String>

    /// Directives closed by a `:::` line, and what they hold.
    static let containers = ["formula", "symbols", "note", "slip", "table", "pros", "cons", "use-when", "avoid-when", "references"]
    /// Directives of one line.
    static let leaves = ["charts", "code-blocks", "guide-section"]

    var lines: [String] { file.lines }

    func parse() throws -> [ContentNode] {
        var nodes: [ContentNode] = []
        var i = 0
        while i < lines.count {
            let text = lines[i].trimmed
            if text.isEmpty { i += 1; continue }
            if Self.isHeading(text) {
                let node = try heading(at: i)
                if node.kind == .title, !nodes.isEmpty {
                    throw file.error(line: i + 1, "a second '# ' heading: a file holds one section, its articles are '## ' headings")
                }
                if node.kind != .title, nodes.isEmpty {
                    throw file.error(line: i + 1, "a section file starts with its '# Title' heading")
                }
                nodes.append(node)
                i += 1
                continue
            }
            guard !nodes.isEmpty else { throw file.error(line: i + 1, "a section file starts with its '# Title' heading") }
            let (node, next) = try block(at: i)
            nodes.append(node)
            i = next
        }
        guard !nodes.isEmpty else { throw file.error(line: 1, "the file is empty: a section file starts with its '# Title' heading") }
        return nodes
    }

    // MARK: Lines

    static func isHeading(_ text: String) -> Bool {
        let rest = text.drop { $0 == "#" }
        return rest.count < text.count && (rest.isEmpty || rest.first == " ")
    }
    static func isItem(_ text: String) -> Bool { text == "-" || text.hasPrefix("- ") }
    static func isDetail(_ text: String) -> Bool { text == ":" || text.hasPrefix(": ") }
    static func isFence(_ text: String) -> Bool { text.hasPrefix("```") }
    static func isDirective(_ text: String) -> Bool { text.hasPrefix(":::") }

    /// A line that starts something other than running text.
    static func startsBlock(_ text: String) -> Bool {
        isHeading(text) || isDirective(text) || isFence(text) || isItem(text) || isDetail(text) || text.hasPrefix("|")
    }

    /// The column of the first non-blank character of line `i`.
    func textColumn(_ i: Int) -> Int { lines[i].indentation + 1 }

    /// The index of the next non-blank line at or after `i`, if any.
    func nextText(from i: Int) -> Int? {
        var j = i
        while j < lines.count, lines[j].trimmed.isEmpty { j += 1 }
        return j < lines.count ? j : nil
    }

    /// Running text from line `i`: the lines up to a blank line or the start of another block.
    func runningText(from i: Int) -> (text: String, next: Int) {
        var parts: [String] = []
        var j = i
        while j < lines.count {
            let text = lines[j].trimmed
            if text.isEmpty || (j > i && Self.startsBlock(text)) { break }
            parts.append(text)
            j += 1
        }
        return (parts.joined(separator: " "), j)
    }

    // MARK: Headings

    func heading(at i: Int) throws -> ContentNode {
        var line = lines[i]
        while line.last == " " || line.last == "\t" { line.removeLast() }
        let text = line.trimmed
        let hashes = text.prefix { $0 == "#" }.count
        let rest = String(text.dropFirst(hashes)).trimmed
        switch hashes {
        case 1:
            guard !rest.isEmpty else { throw file.error(line: i + 1, column: textColumn(i), "a '# ' heading needs the section's title") }
            if rest.hasSuffix("}"), let brace = line.range(of: "{#", options: .backwards) {
                throw file.error(line: i + 1, column: line.column(of: brace.lowerBound),
                                 "a section's id is its file name (NN-id.md): remove the {#…} from its heading")
            }
            return ContentNode(kind: .title, texts: [rest], line: i + 1)
        case 2:
            guard rest.hasSuffix("}"), let brace = line.range(of: "{#", options: .backwards) else {
                throw file.error(line: i + 1, column: line.count + 1, "an article heading ends with its id: '## Title {#id}'")
            }
            let id = String(line[brace.upperBound...].dropLast()).trimmed
            guard Self.isID(id) else {
                throw file.error(line: i + 1, column: line.column(of: brace.upperBound),
                                 "'\(id)' is not an id: lower-case letters and digits in words joined by '-'")
            }
            let title = String(line[..<brace.lowerBound]).trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { throw file.error(line: i + 1, column: textColumn(i), "an article heading needs a title before its {#id}") }
            return ContentNode(kind: .article(id: id), texts: [title], line: i + 1)
        default:
            throw file.error(line: i + 1, column: textColumn(i),
                             "'\(String(repeating: "#", count: hashes))' headings are not used: a section's articles are '## ' headings")
        }
    }

    /// Lower-case letters and digits in words joined by single hyphens (page anchors, file names).
    static func isID(_ s: String) -> Bool {
        !s.isEmpty && s.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { word in
            !word.isEmpty && word.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    // MARK: Blocks

    func block(at i: Int) throws -> (ContentNode, Int) {
        let text = lines[i].trimmed
        if Self.isDirective(text) { return try directive(at: i) }
        if Self.isFence(text) { return try example(at: i) }
        if Self.isItem(text) { return try list(at: i) }
        if Self.isDetail(text) { throw file.error(line: i + 1, column: textColumn(i), "a ': detail' line needs its term on the line above") }
        if text.hasPrefix("|") { throw file.error(line: i + 1, column: textColumn(i), "a table row outside '::: table'") }
        let (paragraph, next) = runningText(from: i)
        if next < lines.count, Self.isDetail(lines[next].trimmed) { return try definitions(at: i) }
        return (ContentNode(kind: .paragraph, texts: [paragraph], line: i + 1), next)
    }

    /// `- item` lines; a blank line followed by another item continues the list.
    func list(at i: Int) throws -> (ContentNode, Int) {
        var items: [String] = []
        var j = i
        while j < lines.count {
            let text = lines[j].trimmed
            if text.isEmpty {
                guard let k = nextText(from: j), Self.isItem(lines[k].trimmed) else { break }
                j = k
                continue
            }
            if Self.isItem(text) {
                items.append(try item(at: j))
            } else if Self.startsBlock(text) {
                break
            } else {
                items[items.count - 1] += " " + text
            }
            j += 1
        }
        return (ContentNode(kind: .list, texts: items, line: i + 1), j)
    }

    /// The text of the `- item` on line `j`.
    func item(at j: Int) throws -> String {
        guard lines[j].indentation == 0 else {
            throw file.error(line: j + 1, column: textColumn(j), "a list item starts at the beginning of its line (lists inside lists are not supported)")
        }
        let text = String(lines[j].trimmed.dropFirst(1)).trimmed
        guard !text.isEmpty else { throw file.error(line: j + 1, column: textColumn(j), "an empty list item") }
        return text
    }

    /// Terms, each followed on the next line by `: detail`; blank lines may separate the pairs.
    func definitions(at i: Int) throws -> (ContentNode, Int) {
        var texts: [String] = []
        var j = i
        while true {
            let (term, detailLine) = runningText(from: j)
            guard detailLine < lines.count, Self.isDetail(lines[detailLine].trimmed) else { break }
            var detail = String(lines[detailLine].trimmed.dropFirst(1)).trimmed
            guard !detail.isEmpty else { throw file.error(line: detailLine + 1, column: textColumn(detailLine), "an empty ': detail'") }
            var k = detailLine + 1
            while k < lines.count {
                let text = lines[k].trimmed
                if text.isEmpty || Self.startsBlock(text) { break }
                detail += " " + text
                k += 1
            }
            if k < lines.count, Self.isDetail(lines[k].trimmed) {
                throw file.error(line: k + 1, column: textColumn(k), "a second ': detail' for one term: a term has one detail")
            }
            texts += [term, detail]
            j = k
            guard let next = nextText(from: k), !Self.startsBlock(lines[next].trimmed) else { break }
            let (_, after) = runningText(from: next)
            guard after < lines.count, Self.isDetail(lines[after].trimmed) else { break }
            j = next
        }
        return (ContentNode(kind: .definitions, texts: texts, line: i + 1), j)
    }

    /// A ``` fence: the lines between the fences, as they are.
    func example(at i: Int) throws -> (ContentNode, Int) {
        let text = lines[i].trimmed
        guard text == "```" else {
            throw file.error(line: i + 1, column: textColumn(i) + 3, "an example's fence is a bare ``` line (no language name)")
        }
        guard let close = (i + 1..<lines.count).first(where: { lines[$0].trimmed == "```" }) else {
            throw file.error(line: i + 1, column: textColumn(i), "an example opened here is never closed: end it with a ``` line")
        }
        let body = lines[(i + 1)..<close]
        guard body.contains(where: { !$0.trimmed.isEmpty }) else { throw file.error(line: i + 1, column: textColumn(i), "an empty example") }
        return (ContentNode(kind: .example, texts: [body.joined(separator: "\n")], line: i + 1), close + 1)
    }

    // MARK: Directives

    func directive(at i: Int) throws -> (ContentNode, Int) {
        let line = lines[i]
        guard let colons = line.range(of: ":::") else { throw file.error(line: i + 1, "a directive starts with ':::'") }
        let afterColons = line[colons.upperBound...]
        guard let nameStart = afterColons.firstIndex(where: { $0 != " " && $0 != "\t" }) else {
            throw file.error(line: i + 1, column: line.column(of: colons.lowerBound), "a ':::' that closes nothing: no '::: NAME' is open")
        }
        let nameEnd = line[nameStart...].firstIndex { $0 == " " || $0 == "\t" } ?? line.endIndex
        let name = String(line[nameStart..<nameEnd])
        let argument = String(line[nameEnd...]).trimmed
        let column = line.column(of: nameStart)
        if Self.leaves.contains(name) { return (try leaf(name, argument, line: i, argumentStart: nameEnd), i + 1) }
        guard Self.containers.contains(name) else {
            throw file.error(line: i + 1, column: column,
                             "unknown directive '::: \(name)' (known: \((Self.containers + Self.leaves).joined(separator: ", ")))")
        }
        guard let close = (i + 1..<lines.count).first(where: { Self.isDirective(lines[$0].trimmed) }), lines[close].trimmed == ":::" else {
            let stray = (i + 1..<lines.count).first { Self.isDirective(lines[$0].trimmed) }
            if let stray {
                throw file.error(line: stray + 1, column: textColumn(stray),
                                 "'::: \(name)' from line \(i + 1) is still open: close it with a ':::' line before another directive")
            }
            throw file.error(line: i + 1, column: column, "'::: \(name)' opened here is never closed: end it with a ':::' line")
        }
        let body = (i + 1)..<close
        let needsArgument = ["note": "its title", "table": "its caption"]
        if let what = needsArgument[name] {
            guard !argument.isEmpty else { throw file.error(line: i + 1, column: line.count + 1, "'::: \(name)' needs \(what) on the same line") }
        } else if !argument.isEmpty {
            let why = name == "slip" ? " (its title is the 'slip' label)" : ""
            throw file.error(line: i + 1, column: line.column(of: nameEnd) + 1, "'::: \(name)' takes nothing after its name\(why)")
        }
        let node: ContentNode
        switch name {
        case "formula": node = ContentNode(kind: .formula, texts: [try formula(body, opening: i)], line: i + 1)
        case "symbols": node = ContentNode(kind: .symbols, texts: try paragraphs(body, in: name, opening: i), line: i + 1)
        case "note": node = ContentNode(kind: .note, texts: [argument] + (try paragraphs(body, in: name, opening: i)), line: i + 1)
        case "slip": node = ContentNode(kind: .slip, texts: try paragraphs(body, in: name, opening: i), line: i + 1)
        case "table":
            let (columns, cells) = try table(body, opening: i)
            node = ContentNode(kind: .table(columns: columns), texts: [argument] + cells, line: i + 1)
        case "pros": node = ContentNode(kind: .pros, texts: try items(body, in: name, opening: i), line: i + 1)
        case "cons": node = ContentNode(kind: .cons, texts: try items(body, in: name, opening: i), line: i + 1)
        case "use-when": node = ContentNode(kind: .useWhen, texts: try items(body, in: name, opening: i), line: i + 1)
        case "references":
            let entries = try references(body, opening: i)
            node = ContentNode(kind: .references(entries.map(\.key)), texts: entries.map(\.text), line: i + 1)
        default: node = ContentNode(kind: .avoidWhen, texts: try items(body, in: name, opening: i), line: i + 1)
        }
        return (node, close + 1)
    }

    /// `::: charts`, `::: code-blocks`, `::: guide-section`: their words, checked one by one.
    func leaf(_ name: String, _ argument: String, line i: Int, argumentStart: String.Index) throws -> ContentNode {
        let line = lines[i]
        var words: [(word: String, column: Int)] = []
        var index = argumentStart
        while index < line.endIndex {
            if line[index] == " " || line[index] == "\t" { index = line.index(after: index); continue }
            let end = line[index...].firstIndex { $0 == " " || $0 == "\t" } ?? line.endIndex
            words.append((String(line[index..<end]), line.column(of: index)))
            index = end
        }
        let usage = ["charts": "'::: charts ID …' with scenario ids", "code-blocks": "'::: code-blocks N …' with the guide's code block numbers",
                     "guide-section": "'::: guide-section NAME'"]
        guard !words.isEmpty else { throw file.error(line: i + 1, column: line.count + 1, "'::: \(name)' needs its words: \(usage[name] ?? name)") }
        switch name {
        case "charts":
            var seen: Set<String> = []
            for (id, column) in words {
                guard knownScenarioIDs.contains(id) else {
                    throw file.error(line: i + 1, column: column, "unknown chart '\(id)': no scenario has this id (lossplot list shows them)")
                }
                guard seen.insert(id).inserted else { throw file.error(line: i + 1, column: column, "chart '\(id)' is named twice") }
            }
            return ContentNode(kind: .charts(words.map(\.word)), texts: [], line: i + 1)
        case "code-blocks":
            let blocks = try words.map { word, column -> Int in
                guard word.count <= 4, let n = Int(word), n >= 0 else {
                    throw file.error(line: i + 1, column: column, "'\(word)' is not a code block number (0, 1, 2, …)")
                }
                return n
            }
            return ContentNode(kind: .codeBlocks(blocks), texts: [], line: i + 1)
        default:
            let known = DocumentSection.allCases.map(\.rawValue)
            guard words.count == 1, let section = DocumentSection(rawValue: words[0].word) else {
                throw file.error(line: i + 1, column: words[0].column,
                                 "'\(argument)' is not one of the guide's sections (\(known.joined(separator: ", ")))")
            }
            return ContentNode(kind: .guideSection(section), texts: [], line: i + 1)
        }
    }

    /// The MathML between `::: formula` and `:::`, checked as XML where it stands (so the parser's
    /// line and column are the file's), then with each line trimmed and the lines joined: line
    /// breaks and indentation between elements mean nothing in MathML.
    func formula(_ body: Range<Int>, opening i: Int) throws -> String {
        guard body.contains(where: { !lines[$0].trimmed.isEmpty }) else {
            throw file.error(line: i + 1, column: textColumn(i), "an empty formula: MathML goes between '::: formula' and ':::'")
        }
        let text = lines[body].joined(separator: "\n")
        if let problem = MathMLCheck.problem(in: text) {
            throw file.error(line: body.lowerBound + problem.line, column: problem.column, "formula: \(problem.message)")
        }
        return lines[body].map(\.trimmed).joined()
    }

    /// Paragraphs separated by blank lines, and nothing else.
    func paragraphs(_ body: Range<Int>, in name: String, opening i: Int) throws -> [String] {
        var out: [String] = []
        var j = body.lowerBound
        while j < body.upperBound {
            let text = lines[j].trimmed
            if text.isEmpty { j += 1; continue }
            if Self.startsBlock(text) {
                throw file.error(line: j + 1, column: textColumn(j), "'::: \(name)' holds paragraphs only")
            }
            let (paragraph, next) = runningText(from: j)
            out.append(paragraph)
            j = min(next, body.upperBound)
        }
        guard !out.isEmpty else { throw file.error(line: i + 1, column: textColumn(i), "an empty '::: \(name)'") }
        return out
    }

    /// `- item` lines and their continuation lines, and nothing else.
    func items(_ body: Range<Int>, in name: String, opening i: Int) throws -> [String] {
        var out: [String] = []
        for j in body {
            let text = lines[j].trimmed
            if text.isEmpty { continue }
            if Self.isItem(text) {
                out.append(try item(at: j))
            } else if Self.startsBlock(text) || out.isEmpty {
                throw file.error(line: j + 1, column: textColumn(j), "'::: \(name)' holds '- ' items only")
            } else {
                out[out.count - 1] += " " + text
            }
        }
        guard !out.isEmpty else { throw file.error(line: i + 1, column: textColumn(i), "an empty '::: \(name)'") }
        return out
    }

    /// `- key: text` entries (continued on the lines below, like list items), each optionally
    /// ending with its link as `<https://…>`. Keys are ids, each given once.
    func references(_ body: Range<Int>, opening i: Int) throws -> [(key: ReferenceKey, text: String)] {
        var entries: [(key: ReferenceKey, text: String, line: Int)] = []
        func finish(_ entry: (key: ReferenceKey, text: String, line: Int)) throws -> (key: ReferenceKey, text: String, line: Int) {
            var e = entry
            if e.text.hasSuffix(">"), let open = e.text.range(of: " <", options: .backwards) {
                let url = String(e.text[open.upperBound...].dropLast())
                guard Self.isLink(url) else {
                    throw file.error(line: e.line, column: textColumn(e.line - 1), "reference '\(e.key.key)': '<\(url)>' is not a link (https://… without spaces, quotes or '<>')")
                }
                e.key.url = url
                e.text = String(e.text[..<open.lowerBound]).trimmed
            }
            guard !e.text.isEmpty else { throw file.error(line: e.line, column: textColumn(e.line - 1), "reference '\(e.key.key)' has no text") }
            return e
        }
        for j in body {
            let text = lines[j].trimmed
            if text.isEmpty { continue }
            if Self.isItem(text) {
                let item = try self.item(at: j)
                guard let colon = item.firstIndex(of: ":"), Self.isID(String(item[..<colon])) else {
                    throw file.error(line: j + 1, column: textColumn(j), "a reference is '- key: text', its key an id (lower-case words joined by '-')")
                }
                let key = String(item[..<colon])
                if let first = entries.first(where: { $0.key.key == key }) {
                    throw file.error(line: j + 1, column: textColumn(j), "reference '\(key)' is given twice (first on line \(first.line))")
                }
                if let last = entries.popLast() { entries.append(try finish(last)) }
                entries.append((ReferenceKey(key: key, url: nil), String(item[item.index(after: colon)...]).trimmed, j + 1))
            } else if Self.startsBlock(text) || entries.isEmpty {
                throw file.error(line: j + 1, column: textColumn(j), "'::: references' holds '- key: text' entries only")
            } else {
                entries[entries.count - 1].text += " " + text
            }
        }
        if let last = entries.popLast() { entries.append(try finish(last)) }
        guard !entries.isEmpty else { throw file.error(line: i + 1, column: textColumn(i), "an empty '::: references'") }
        return entries.map { ($0.key, $0.text) }
    }

    /// An https link the page can show as it is: no spaces, quotes or angle brackets.
    static func isLink(_ s: String) -> Bool {
        s.hasPrefix("https://") && s.count > 8 && !s.contains { $0.isWhitespace || "\"'<>`".contains($0) }
    }

    /// `| a | b |` rows: the header, a `| --- | --- |` separator, then the rows. Cells are plain text.
    func table(_ body: Range<Int>, opening i: Int) throws -> (columns: Int, cells: [String]) {
        var rows: [(cells: [String], line: Int)] = []
        for j in body where !lines[j].trimmed.isEmpty {
            let text = lines[j].trimmed
            guard text.count >= 2, text.hasPrefix("|"), text.hasSuffix("|") else {
                throw file.error(line: j + 1, column: textColumn(j), "a table row starts and ends with '|'")
            }
            let cells = text.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
            rows.append((cells, j))
        }
        guard let header = rows.first else { throw file.error(line: i + 1, column: textColumn(i), "an empty table: a header row, a separator row, then rows") }
        let columns = header.cells.count
        for row in rows where row.cells.count != columns {
            throw file.error(line: row.line + 1, column: textColumn(row.line),
                             "this row has \(row.cells.count) cells and the header \(columns): every row has one cell per column")
        }
        let isSeparator = { (cell: String) in
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            return !dashes.isEmpty && dashes.allSatisfy { $0 == "-" }
        }
        guard rows.count >= 2, rows[1].cells.allSatisfy(isSeparator) else {
            let line = rows.count >= 2 ? rows[1].line : header.line
            throw file.error(line: line + 1, column: textColumn(line), "the header row is followed by a separator row such as '| --- | --- |'")
        }
        guard rows.count >= 3 else { throw file.error(line: rows[1].line + 1, column: textColumn(rows[1].line), "a table without rows") }
        for row in rows.dropFirst(2) {
            if row.cells.first == "" {
                throw file.error(line: row.line + 1, column: textColumn(row.line), "a row's first cell is its header: it cannot be empty")
            }
        }
        return (columns, header.cells + rows.dropFirst(2).flatMap(\.cells))
    }
}

import Scenarios

/// One block-level piece of a section file, in the file's order: what `ContentParser` reads and
/// `ContentAssembler` builds the section from. The languages of a section must give the same
/// nodes (same kinds, same ids, same number of texts) so their texts can be paired.
struct ContentNode: Sendable, Equatable {
    enum Kind: Sendable, Hashable {
        /// `# Title`: texts = [title].
        case title
        /// `::: guide-section NAME`: the guide's part whose unclaimed scenarios end this section.
        case guideSection(DocumentSection)
        /// `## Title {#id}`: texts = [title].
        case article(id: String)
        case paragraph
        /// `- item` lines: one text per item.
        case list
        /// `term` then `: detail`: texts = [term, detail, term, detail, …].
        case definitions
        /// `::: note TITLE`: texts = [title, paragraph, …].
        case note
        /// `::: slip`: a note titled with the `slip` label; texts = paragraphs.
        case slip
        /// `::: table CAPTION`: texts = [caption, header cells…, then each row's cells].
        case table(columns: Int)
        /// `::: formula`: texts = [MathML].
        case formula
        /// A ``` fence: texts = [the lines as they are].
        case example
        /// `::: symbols`: what the article's formula's symbols mean; texts = paragraphs.
        case symbols
        /// `::: pros`, `::: cons`, `::: use-when`, `::: avoid-when`: texts = items.
        case pros, cons, useWhen, avoidWhen
        /// `::: charts ID …`: the scenarios this article shows.
        case charts([String])
        /// `::: code-blocks N …`: the guide's code blocks this article reproduces.
        case codeBlocks([Int])
        /// `::: references`: the bibliography; texts = each entry's description, in order. The
        /// keys and links are part of the kind, so both languages must give the same ones.
        case references([ReferenceKey])
    }

    var kind: Kind
    var texts: [String]
    /// Where the node starts in its file.
    var line: Int

    /// Two languages agree on a node when they have the same kind and the same number of texts.
    func hasSameShape(as other: ContentNode) -> Bool {
        kind == other.kind && texts.count == other.texts.count
    }

    /// The node as a writer would name it in a message.
    var summary: String {
        func count(_ n: Int, _ one: String) -> String { "\(n) \(one)\(n == 1 ? "" : "s")" }
        switch kind {
        case .title: return "the section title"
        case .guideSection(let section): return "'::: guide-section \(section.rawValue)'"
        case .article(let id): return "article {#\(id)}"
        case .paragraph: return "a paragraph"
        case .list: return "a list of \(count(texts.count, "item"))"
        case .definitions: return count(texts.count / 2, "definition")
        case .note: return "a note with \(count(texts.count - 1, "paragraph"))"
        case .slip: return "'::: slip' with \(count(texts.count, "paragraph"))"
        case .table(let columns):
            return "a table of \(columns) columns and \(count(columns == 0 ? 0 : (texts.count - 1) / columns - 1, "row"))"
        case .formula: return "a formula"
        case .example: return "an example"
        case .symbols: return "'::: symbols' with \(count(texts.count, "paragraph"))"
        case .pros: return "'::: pros' with \(count(texts.count, "item"))"
        case .cons: return "'::: cons' with \(count(texts.count, "item"))"
        case .useWhen: return "'::: use-when' with \(count(texts.count, "item"))"
        case .avoidWhen: return "'::: avoid-when' with \(count(texts.count, "item"))"
        case .charts(let ids): return "'::: charts \(ids.joined(separator: " "))'"
        case .codeBlocks(let blocks): return "'::: code-blocks \(blocks.map(String.init).joined(separator: " "))'"
        case .references(let keys): return "'::: references' with the entries \(keys.map { key in key.url.map { "\(key.key) <\($0)>" } ?? key.key }.joined(separator: ", "))"
        }
    }
}

/// A bibliography entry's key (what `[@key]` cites) and its optional link.
struct ReferenceKey: Sendable, Hashable {
    var key: String
    var url: String?
}

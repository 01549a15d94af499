import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks a formula before it reaches the page, where it is placed as markup: one well-formed
/// `<math>` element (Foundation's `XMLParser`) made of MathML elements only.
enum MathMLCheck {
    /// What is wrong and where, within the formula's text (line and column from 1).
    struct Problem: Equatable, Sendable {
        var line: Int
        var column: Int
        var message: String
    }

    /// MathML's presentation and semantics elements: anything else (HTML, `<script>`) is refused.
    static let elements: Set<String> = [
        "math", "mi", "mn", "mo", "mtext", "mspace", "ms", "mrow", "mfrac", "msqrt", "mroot", "mstyle", "merror",
        "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover", "munderover",
        "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr", "maligngroup", "malignmark",
        "semantics", "annotation", "annotation-xml", "maction",
    ]

    /// nil when `text` is one well-formed `<math>` element of MathML elements.
    static func problem(in text: String) -> Problem? {
        guard text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<math") else {
            let first = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (first.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0) + 1
            let column = first.indices.contains(line - 1) ? first[line - 1].prefix { $0 == " " || $0 == "\t" }.count + 1 : 1
            return Problem(line: line, column: column, message: "a formula is one <math> element of MathML")
        }
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldResolveExternalEntities = false
        let watcher = Watcher()
        parser.delegate = watcher
        let finished = parser.parse()
        if let problem = watcher.problem { return problem }
        if !finished || parser.parserError != nil {
            return Problem(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                           message: "not well-formed XML (XMLParser error \((parser.parserError as NSError?)?.code ?? -1))")
        }
        return nil
    }

    /// libxml2's error numbers (what `XMLParser` reports on Linux) in words, for the common slips.
    static func describe(code: Int) -> String {
        switch code {
        case 4: return "the formula is empty"
        case 5: return "an element is not closed, or something follows the closing </math>"
        case 8, 9: return "a character XML does not allow"
        case 23: return "an entity without its closing ';'"
        case 26: return "an entity XML does not know (write the character itself or a numeric reference such as &#x2061;)"
        case 38: return "a '<' inside an attribute value"
        case 39, 40: return "an attribute value without its quotes"
        case 41: return "an attribute without a value"
        case 42: return "an attribute given twice"
        case 68: return "a '<' that starts no tag (write &lt; for a less-than sign)"
        case 73: return "a tag without its closing '>'"
        case 76: return "a closing tag that does not match the open element"
        case 77: return "an element that is never closed"
        default: return "XMLParser error \(code)"
        }
    }

    /// Records the first error where libxml2 saw it (the parser's position after `parse()` is the
    /// end of the text) and the first element that is not MathML. A second root element is
    /// libxml2's own error (extra content after the document).
    private final class Watcher: NSObject, XMLParserDelegate {
        var problem: Problem?
        var depth = 0

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard problem == nil else { return }
            if depth == 0, elementName != "math" {
                report(parser, "<\(elementName)> where the formula's <math> element should be")
            } else if depth > 0, !MathMLCheck.elements.contains(elementName) {
                report(parser, "<\(elementName)> is not a MathML element")
            }
            depth += 1
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            depth -= 1
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if problem == nil, depth == 0, !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                report(parser, "text outside the <math> element")
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if problem == nil { report(parser, "not well-formed XML: " + MathMLCheck.describe(code: (parseError as NSError).code)) }
        }

        func report(_ parser: XMLParser, _ message: String) {
            problem = Problem(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1), message: message)
            parser.abortParsing()
        }
    }
}

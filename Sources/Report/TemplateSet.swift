import Foundation
import Mustache

/// The page template, its partials and the stylesheet, loaded and checked before anything is
/// rendered: a template that does not parse, or names a partial that is not there, is an error
/// that names the file.
public struct TemplateSet: Sendable {
    public static let styleFile = "style.css"

    /// The folder they came from.
    public let directory: String
    let library: MustacheLibrary
    /// The CSS, copied to `style.css` or placed in the page.
    public let stylesheet: String

    /// Loads every `*.mustache` in `directory` and its `partials/` subfolder (registered as
    /// `name` and `partials/name`) and `style.css`.
    public init(directory: String) throws {
        self.directory = directory
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let fm = FileManager.default
        var names: [String] = []
        for sub in ["", "partials/"] {
            let folder = directory + "/" + sub
            guard let entries = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            names += entries.filter { $0.hasSuffix(".mustache") }.sorted().map { sub + $0 }
        }
        for file in names {
            let path = directory + "/" + file
            guard let data = fm.contents(atPath: path) else { throw ReportError("cannot read template \(path)") }
            guard let text = String(data: data, encoding: .utf8) else { throw ReportError("template \(path) is not UTF-8") }
            do {
                let template = try MustacheTemplate(string: text)
                let name = String(file.dropLast(".mustache".count))
                library.register(template, named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                throw ReportError("template \(path) line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw ReportError("template \(path): \(error)")
            }
        }
        guard sources["page"] != nil else { throw ReportError("templates folder \(directory) has no \(TemplateLocator.pageFile)") }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for partial in Self.partialNames(in: text) where sources[partial] == nil {
                throw ReportError("template \(directory)/\(name).mustache uses partial '\(partial)', but \(directory)/\(partial).mustache is missing")
            }
        }
        let cssPath = directory + "/" + Self.styleFile
        guard let css = fm.contents(atPath: cssPath).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw ReportError("cannot read the stylesheet \(cssPath)")
        }
        self.library = library
        self.stylesheet = css
    }

    /// Loads the templates `TemplateLocator` finds.
    public static func load(explicit: String?) throws -> TemplateSet {
        try TemplateSet(directory: TemplateLocator.locate(explicit: explicit))
    }

    /// The names in `{{> name}}` tags.
    static func partialNames(in text: String) -> [String] {
        var out: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{>") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            out.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// Renders the page for a model.
    func renderPage(_ model: PageModel) throws -> String {
        guard let values = TemplateValues.of(model), let html = library.render(values, withTemplate: "page") else {
            throw ReportError("templates folder \(directory) has no \(TemplateLocator.pageFile)")
        }
        return html
    }
}

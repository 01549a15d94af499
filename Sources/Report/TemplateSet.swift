import Foundation
import Mustache

/// The page template, its partials and the stylesheet, loaded and checked before anything is
/// rendered: a template that does not parse, names a partial that is not there, or includes
/// itself (directly or through other partials, `TemplateIncludes`) is an error that names the file.
public struct TemplateSet: Sendable {
    public static let styleFile = "style.css"

    /// The folder they came from.
    public let directory: String
    let library: MustacheLibrary
    /// Template name → the partials it includes, in order.
    let includes: [String: [String]]
    /// The CSS, copied to `style.css` or placed in the page.
    public let stylesheet: String

    /// Loads every `*.mustache` in `directory` and its `partials/` subfolder (registered as
    /// `name` and `partials/name`) and `style.css`.
    public init(directory: String) throws {
        self.directory = directory
        var library = MustacheLibrary()
        var includes: [String: [String]] = [:]
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
                guard let found = TemplateIncludes.of(template) else {
                    throw ReportError("template \(path): cannot list the partials it includes (swift-mustache's parsed form has changed), so include cycles cannot be ruled out")
                }
                guard !found.dynamic else {
                    throw ReportError("template \(path) includes a partial named by data ({{>*…}}), which lossplot does not allow: name the partial")
                }
                library.register(template, named: name)
                includes[name] = found.names
            } catch let error as ReportError {
                throw error
            } catch let error as MustacheTemplate.ParserError {
                throw ReportError("template \(path) line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw ReportError("template \(path): \(error)")
            }
        }
        guard includes["page"] != nil else { throw ReportError("templates folder \(directory) has no \(TemplateLocator.pageFile)") }
        for (name, partials) in includes.sorted(by: { $0.key < $1.key }) {
            for partial in partials where includes[partial] == nil {
                throw ReportError("template \(directory)/\(name).mustache uses partial '\(partial)', but \(directory)/\(partial).mustache is missing")
            }
        }
        if let cycle = TemplateIncludes.cycle(in: includes), let first = cycle.first {
            let what = cycle.count == 2 ? "includes itself" : "includes itself through \(cycle.dropFirst().dropLast().joined(separator: ", "))"
            throw ReportError("template \(directory)/\(first).mustache \(what) (\(cycle.joined(separator: " → "))), which would never finish rendering")
        }
        let cssPath = directory + "/" + Self.styleFile
        guard let css = fm.contents(atPath: cssPath).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw ReportError("cannot read the stylesheet \(cssPath)")
        }
        self.library = library
        self.includes = includes
        self.stylesheet = css
    }

    /// Loads the templates `TemplateLocator` finds.
    public static func load(explicit: String?) throws -> TemplateSet {
        try TemplateSet(directory: TemplateLocator.locate(explicit: explicit))
    }

    /// Renders the page for a model.
    func renderPage(_ model: PageModel) throws -> String {
        try render(model, template: "page")
    }

    /// Renders `template` (`NAME.mustache` in the folder) for a model.
    package func render(_ model: Any, template: String) throws -> String {
        guard includes[template] != nil else { throw ReportError("templates folder \(directory) has no \(template).mustache") }
        guard let values = TemplateValues.of(model), let html = library.render(values, withTemplate: template) else {
            throw ReportError("templates folder \(directory): \(template).mustache renders nothing")
        }
        return html
    }
}

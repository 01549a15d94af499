import Mustache

/// Which templates each template includes (`{{> name}}`, `{{< parent}}`), read from the tokens
/// swift-mustache parsed, so changed delimiters, sections and comments are seen exactly as the
/// renderer will see them, and the include cycles that would recurse without end when the page
/// renders (a stack overflow inside swift-mustache) are refused when the set loads.
///
/// swift-mustache keeps its tokens internal; they are read through `Mirror`. Should a later
/// version store them differently, loading fails with a line saying so rather than skipping the
/// check (`ReportFolderTests` covers both a self-include and a two-partial cycle).
enum TemplateIncludes {
    /// The names a template includes, in order, and whether it names a partial from data
    /// (`{{>*name}}`), which cannot be checked and is refused.
    static func of(_ template: MustacheTemplate) -> (names: [String], dynamic: Bool)? {
        guard Mirror(reflecting: template).children.contains(where: { $0.label == "tokens" }) else { return nil }
        var names: [String] = []
        var dynamic = false
        func walk(_ value: Any) {
            for child in Mirror(reflecting: value).children {
                switch child.label {
                case "partial":
                    if let name = Mirror(reflecting: child.value).children.first?.value as? String { names.append(name) }
                case "dynamicNamePartial":
                    dynamic = true
                default:
                    break
                }
                if !(child.value is String) { walk(child.value) }
            }
        }
        walk(template)
        return (names, dynamic)
    }

    /// The first include cycle in `graph` (template → the templates it includes), as the names
    /// along it with the first repeated at the end, or nil. Deterministic: names in sorted order.
    static func cycle(in graph: [String: [String]]) -> [String]? {
        var state: [String: Bool] = [:]  // false: on the current path, true: finished
        var path: [String] = []
        func visit(_ node: String) -> [String]? {
            if let done = state[node] {
                guard !done, let start = path.firstIndex(of: node) else { return nil }
                return Array(path[start...]) + [node]
            }
            state[node] = false
            path.append(node)
            for next in graph[node] ?? [] {
                if let found = visit(next) { return found }
            }
            path.removeLast()
            state[node] = true
            return nil
        }
        for node in graph.keys.sorted() {
            if let found = visit(node) { return found }
        }
        return nil
    }
}

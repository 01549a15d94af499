/// The page model as nested dictionaries and arrays, reflected once. swift-mustache looks a name
/// up in a dictionary directly but reflects all of a struct's fields on every lookup, which made
/// rendering the page a seventh of the whole report's time. Nil fields are left out, so a name
/// resolves exactly as it did on the struct.
enum TemplateValues {
    static func of(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { of($0.value) }
        case .collection:
            return mirror.children.compactMap { of($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let v = of(child.value) { fields[label] = v }
            }
            return fields
        default:
            return value
        }
    }
}

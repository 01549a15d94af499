import Foundation

/// Finds the templates folder: the one given (`--templates`), else `LOSSPLOT_TEMPLATES`, else the
/// `Templates/` that SwiftPM copied into lossplot's resource bundle (`lossplot_Report.resources`,
/// built beside the executable: a binary moved or installed takes that folder along). An explicit
/// folder that lacks the page is an error, never silently replaced by the bundled one.
public enum TemplateLocator {
    /// The file that marks a templates folder.
    public static let pageFile = "page.mustache"
    /// The resource bundle's folder name, SwiftPM's `PACKAGE_TARGET.resources`.
    static let bundleName = "lossplot_Report.resources"

    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let explicit { return try requirePage(explicit, what: "\(option: .templatesDirectory)") }
        if let env = environment["LOSSPLOT_TEMPLATES"], !env.isEmpty { return try requirePage(env, what: "LOSSPLOT_TEMPLATES") }
        let beside = Bundle.main.bundleURL.appendingPathComponent(bundleName).path
        guard let bundled = bundledDirectory else {
            throw ReportError("cannot find the report templates: \(beside) is missing (install that folder with the binary), and neither \(option: .templatesDirectory) DIR nor LOSSPLOT_TEMPLATES is given")
        }
        return try requirePage(bundled, what: "the bundled templates")
    }

    /// `Templates/` inside the resource bundle beside the executable (`Bundle.main`, which sees
    /// through symbolic links to it), nil when the bundle is not there. Looked for first because
    /// `Bundle.module` stops the program, rather than throw, when it finds no bundle.
    static var bundledDirectory: String? {
        guard FileManager.default.fileExists(atPath: Bundle.main.bundleURL.appendingPathComponent(bundleName).path) else { return nil }
        return Bundle.module.url(forResource: "Templates", withExtension: nil)?.path
    }

    /// The name SwiftPM gave the bundle, to check `bundleName` against.
    static var moduleBundleName: String { Bundle.module.bundleURL.lastPathComponent }

    static func hasPage(_ dir: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: dir + "/" + pageFile, isDirectory: &isDir) && !isDir.boolValue
    }

    static func requirePage(_ dir: String, what: ReportMessage) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError("\(what) \(dir): no such folder")
        }
        guard hasPage(dir) else { throw ReportError("\(what) \(dir): no \(pageFile) in it") }
        return dir
    }
}

import Foundation

/// Finds the templates folder: the one given (`--templates`), else `LOSSPLOT_TEMPLATES`, else the
/// `Templates/` of the package the executable was built in (walking up from `/proc/self/exe`,
/// which sees through `swift run`, `.build/release/lossplot` and symlinks to it), else
/// `./Templates`, else the `Templates/` next to this source file's package (the checkout the binary
/// was compiled from, for a binary copied elsewhere). An explicit folder that lacks the page is an
/// error, never silently replaced by the defaults.
public enum TemplateLocator {
    /// The file that marks a templates folder.
    public static let pageFile = "page.mustache"

    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> String {
        if let explicit { return try requirePage(explicit, what: "\(option: .templatesDirectory)") }
        if let env = environment["LOSSPLOT_TEMPLATES"], !env.isEmpty { return try requirePage(env, what: "LOSSPLOT_TEMPLATES") }
        for candidate in defaultCandidates(currentDirectory: currentDirectory) where hasPage(candidate) {
            return candidate
        }
        throw ReportError("cannot find the report templates (Templates/\(pageFile)); pass \(option: .templatesDirectory) DIR or set LOSSPLOT_TEMPLATES")
    }

    static func defaultCandidates(currentDirectory: String) -> [String] {
        var out: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            while dir.path != "/" && !dir.path.isEmpty {
                out.append(dir.appendingPathComponent("Templates").path)
                dir = dir.deletingLastPathComponent()
            }
        }
        out.append(URL(fileURLWithPath: currentDirectory).appendingPathComponent("Templates").path)
        // Sources/Report/TemplateLocator.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        out.append(root.appendingPathComponent("Templates").path)
        return out
    }

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

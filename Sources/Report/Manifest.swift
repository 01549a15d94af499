import Dispatch
import Foundation

/// One file of a report folder as the manifest lists it.
public struct ManifestEntry: Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var sha256: String
    /// For a chart: the scenario it draws and its format.
    public var scenario: String?
    public var format: String?
}

/// `manifest.json`: what lossplot wrote, so a later run knows the folder is its own and anyone
/// can check the files. Written by hand so the bytes never depend on a JSON library's choices.
public struct ReportManifest: Sendable, Equatable {
    /// The marker a later run looks for before replacing a folder.
    public static let generator = "lossplot report"
    public static let fileName = "manifest.json"

    public var version: String
    public var sourceDateEpoch: Int?
    public var language: String
    public var selfContained: Bool
    /// Sorted by path.
    public var files: [ManifestEntry]

    /// The manifest for files (path → bytes, and chart tags); hashes not already known are computed here.
    init(files: [ReportFile], options: ReportOptions) {
        version = LossplotVersion.current
        sourceDateEpoch = options.sourceDateEpoch
        language = options.language.rawValue
        selfContained = options.selfContained
        let sorted = files.sorted { $0.path < $1.path }
        let unhashed = sorted.indices.filter { sorted[$0].sha256 == nil }
        let hashes = Slots<String>(count: sorted.count)
        DispatchQueue.concurrentPerform(iterations: unhashed.count) { hashes.set(unhashed[$0], SHA256.hex(sorted[unhashed[$0]].bytes)) }
        self.files = sorted.enumerated().map { i, f in
            ManifestEntry(path: f.path, bytes: f.bytes.count, sha256: f.sha256 ?? hashes.get(i) ?? SHA256.hex(f.bytes),
                          scenario: f.scenario, format: f.format)
        }
    }

    public var json: String {
        var out = "{\n"
        out += "  \"generator\": \(Self.quote(Self.generator)),\n"
        out += "  \"version\": \(Self.quote(version)),\n"
        out += "  \"sourceDateEpoch\": \(sourceDateEpoch.map(String.init) ?? "null"),\n"
        out += "  \"language\": \(Self.quote(language)),\n"
        out += "  \"selfContained\": \(selfContained),\n"
        out += "  \"files\": ["
        for (i, f) in files.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"path\": \(Self.quote(f.path)), \"bytes\": \(f.bytes), \"sha256\": \(Self.quote(f.sha256))"
            if let s = f.scenario { out += ", \"scenario\": \(Self.quote(s))" }
            if let fm = f.format { out += ", \"format\": \(Self.quote(fm))" }
            out += "}"
        }
        out += files.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    /// Whether `folder/manifest.json` is a regular file that says lossplot wrote the folder.
    static func marksReport(folder: String) -> Bool {
        guard case .success(let bytes) = FolderFile.read(fileName, in: folder, maxBytes: maxBytes),
              let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return false }
        return object["generator"] as? String == generator
    }
}

/// A file the report writes, relative to the report folder.
struct ReportFile: Sendable {
    var path: String
    var bytes: [UInt8]
    var scenario: String? = nil
    var format: String? = nil
    /// The hash of `bytes` when whoever made them computed it already (the chart jobs do).
    var sha256: String? = nil
}

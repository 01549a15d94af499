import Foundation

/// One file of a report folder as the manifest lists it.
public struct ManifestEntry: Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var sha256: String
    /// For a chart: the scenario it draws and its format.
    public var scenario: String?
    public var format: String?

    public init(path: String, bytes: Int, sha256: String, scenario: String? = nil, format: String? = nil) {
        self.path = path; self.bytes = bytes; self.sha256 = sha256; self.scenario = scenario; self.format = format
    }
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

    /// The largest manifest read: a report of a hundred thousand files needs some 15 MB.
    public static let maxBytes = 64 << 20

    public init(version: String, sourceDateEpoch: Int?, language: String, selfContained: Bool, files: [ManifestEntry]) {
        self.version = version; self.sourceDateEpoch = sourceDateEpoch; self.language = language
        self.selfContained = selfContained; self.files = files
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
    public static func marksReport(folder: String) -> Bool {
        guard case .success(let bytes) = FolderFile.read(fileName, in: folder, maxBytes: maxBytes),
              let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return false }
        return object["generator"] as? String == generator
    }
}

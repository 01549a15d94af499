import Foundation

/// One file of a report folder as the manifest lists it.
public struct ManifestEntry: Codable, Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var sha256: String
    /// For a chart: the scenario it draws and its format. Left out of the JSON when nil.
    public var scenario: String?
    public var format: String?
    /// For a chart file of the page in another language than `index.html`'s, drawn for it because
    /// it differs from `index.html`'s (`charts/ID.LANG.EXT`): that page's language. Nil for
    /// `index.html`'s charts and those both pages share; left out of the JSON when nil.
    public var language: String?
    /// For a chart's rendering for a phone or a dark page: "narrow", "dark" or "narrow-dark". Nil
    /// for the chart as built (the one offered for download); left out of the JSON when nil.
    public var variant: String?

    public init(path: String, bytes: Int, sha256: String, scenario: String? = nil, format: String? = nil, language: String? = nil,
                variant: String? = nil) {
        self.path = path; self.bytes = bytes; self.sha256 = sha256; self.scenario = scenario; self.format = format
        self.language = language; self.variant = variant
    }
}

/// Why bytes are not a manifest lossplot wrote, said after the file's name: "is not valid JSON".
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: String
    public init(_ problem: String) { self.problem = problem }
    public var description: String { problem }
}

/// `manifest.json`: what lossplot wrote, so a later run knows the folder is its own and anyone
/// can check the files. This one type writes it and reads it (`Codable`): keys sorted at every
/// level, so the same report gives the same bytes. Reading checks what a reader relies on: the
/// generator is lossplot's, every listed path is a plain path inside the folder
/// (`FolderFile.isPlainPath`) listed once, and not the manifest itself.
public struct ReportManifest: Codable, Sendable, Equatable {
    /// The marker a later run looks for before replacing a folder.
    public static let generator = "lossplot report"
    public static let fileName = "manifest.json"
    /// The largest manifest read: a report of a hundred thousand files needs some 15 MB.
    public static let maxBytes = 64 << 20

    public var version: String
    /// Written as `null` when nil.
    public var sourceDateEpoch: Int?
    public var language: String
    public var selfContained: Bool
    /// Sorted by path.
    public var files: [ManifestEntry]

    public init(version: String, sourceDateEpoch: Int?, language: String, selfContained: Bool, files: [ManifestEntry]) {
        self.version = version; self.sourceDateEpoch = sourceDateEpoch; self.language = language
        self.selfContained = selfContained; self.files = files.sorted { $0.path < $1.path }
    }

    private enum CodingKeys: String, CodingKey {
        case generator, version, sourceDateEpoch, language, selfContained, files
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.generator, forKey: .generator)
        try c.encode(version, forKey: .version)
        try c.encode(sourceDateEpoch, forKey: .sourceDateEpoch)
        try c.encode(language, forKey: .language)
        try c.encode(selfContained, forKey: .selfContained)
        try c.encode(files, forKey: .files)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let generator = try c.decode(String.self, forKey: .generator)
        guard generator == Self.generator else {
            throw ManifestError("was not written by \(Self.generator) (generator \"\(generator)\")")
        }
        let files = try c.decode([ManifestEntry].self, forKey: .files)
        var seen = Set<String>()
        for file in files {
            guard FolderFile.isPlainPath(file.path), file.path != Self.fileName else {
                throw ManifestError("lists the path \"\(file.path)\", which is not a file inside the folder")
            }
            guard seen.insert(file.path).inserted else { throw ManifestError("lists \(file.path) twice") }
        }
        self.init(version: try c.decode(String.self, forKey: .version),
                  sourceDateEpoch: try c.decodeIfPresent(Int.self, forKey: .sourceDateEpoch),
                  language: try c.decode(String.self, forKey: .language),
                  selfContained: try c.decode(Bool.self, forKey: .selfContained),
                  files: files)
    }

    /// The bytes of `manifest.json`: pretty-printed, keys sorted, slashes as they are, a final
    /// newline.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    /// Reads `manifest.json`'s bytes. The error says what is wrong after the file's name: "is not
    /// valid JSON", "is not a lossplot manifest: files[3]: no \"path\"".
    public init(decoding bytes: [UInt8]) throws(ManifestError) {
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(bytes))
        } catch let error as ManifestError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw ManifestError("is not a lossplot manifest: \(Self.where(context))no \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ManifestError("is not a lossplot manifest: \(Self.where(context))a value of the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ManifestError("is not a lossplot manifest: \(Self.where(context))a null value")
        } catch {
            throw ManifestError("is not valid JSON")
        }
    }

    /// "files[3]: " for an error inside the file list, "" at the top level.
    private static func `where`(_ context: DecodingError.Context) -> String {
        let parts = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let trimmed = parts.hasPrefix(".") ? String(parts.dropFirst()) : parts
        return trimmed.isEmpty ? "" : "\(trimmed): "
    }

    /// Whether `folder/manifest.json` is a regular file, a manifest lossplot wrote.
    public static func marksReport(folder: String) -> Bool {
        guard case .success(let bytes) = FolderFile.read(fileName, in: folder, maxBytes: maxBytes) else { return false }
        return (try? ReportManifest(decoding: bytes)) != nil
    }
}

import Foundation
import OutputFiles

extension ReportManifest {
    /// Reads `folder/manifest.json`, the way `lossplot verify` and `lossplot diff` find out what a
    /// report folder should hold. Throws one line naming the folder or file when the folder is
    /// missing, holds no manifest, or the manifest is not one lossplot wrote; a listed path that
    /// could leave the folder (absolute, `..`, empty parts) is refused rather than followed.
    public init(readingFolder folder: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDir) else { throw ReportError("\(folder): no such folder") }
        guard isDir.boolValue else { throw ReportError("\(folder) is not a folder") }
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        let data: Data
        switch FolderFile.read(Self.fileName, in: folder, maxBytes: Self.maxBytes) {
        case .success(let bytes): data = Data(bytes)
        case .failure(.missing): throw ReportError("\(folder) is not a lossplot report: it has no \(Self.fileName)")
        case .failure(.notRegular(let what)):
            throw ReportError("\(folder) is not a lossplot report: its \(Self.fileName) is \(what), not a regular file")
        case .failure(let failure): throw ReportError("cannot read \(path): \(failure)")
        }
        let decoded: ManifestJSON
        do {
            decoded = try JSONDecoder().decode(ManifestJSON.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReportError("\(path) is not a lossplot manifest: \(Self.where(context))no \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ReportError("\(path) is not a lossplot manifest: \(Self.where(context))a value of the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ReportError("\(path) is not a lossplot manifest: \(Self.where(context))a null value")
        } catch {
            throw ReportError("\(path) is not valid JSON")
        }
        guard decoded.generator == Self.generator else {
            throw ReportError("\(path) was not written by \(Self.generator) (generator \"\(decoded.generator)\")")
        }
        var seen = Set<String>()
        for file in decoded.files {
            guard FolderFile.isPlainPath(file.path), file.path != Self.fileName else {
                throw ReportError("\(path) lists the path \"\(file.path)\", which is not a file inside the folder")
            }
            guard seen.insert(file.path).inserted else { throw ReportError("\(path) lists \(file.path) twice") }
        }
        self.init(version: decoded.version, sourceDateEpoch: decoded.sourceDateEpoch, language: decoded.language,
                  selfContained: decoded.selfContained,
                  files: decoded.files.map {
                      ManifestEntry(path: $0.path, bytes: $0.bytes, sha256: $0.sha256, scenario: $0.scenario, format: $0.format)
                  }.sorted { $0.path < $1.path })
    }

    /// "files[3]: " for an error inside the file list, "" at the top level.
    private static func `where`(_ context: DecodingError.Context) -> String {
        let parts = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let trimmed = parts.hasPrefix(".") ? String(parts.dropFirst()) : parts
        return trimmed.isEmpty ? "" : "\(trimmed): "
    }
}

/// The manifest's JSON shape, as `ReportManifest.json` writes it.
private struct ManifestJSON: Decodable {
    struct File: Decodable {
        var path: String
        var bytes: Int
        var sha256: String
        var scenario: String?
        var format: String?
    }
    var generator: String
    var version: String
    var sourceDateEpoch: Int?
    var language: String
    var selfContained: Bool
    var files: [File]
}

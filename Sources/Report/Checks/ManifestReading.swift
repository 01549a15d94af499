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
        switch FolderFile.read(Self.fileName, in: folder, maxBytes: Self.maxBytes) {
        case .success(let bytes):
            do { try self.init(decoding: bytes) } catch { throw ReportError("\(path) \(error.problem)") }
        case .failure(.missing): throw ReportError("\(folder) is not a lossplot report: it has no \(Self.fileName)")
        case .failure(.notRegular(let what)):
            throw ReportError("\(folder) is not a lossplot report: its \(Self.fileName) is \(what), not a regular file")
        case .failure(let failure): throw ReportError("cannot read \(path): \(failure)")
        }
    }
}

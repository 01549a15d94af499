import Foundation
import FuzzSupport
import OutputFiles
@testable import Report

let folder = ScratchFolder("manifest")
let rewritten = ScratchFolder("manifest-rewritten")

/// The report manifest: the input is a folder's `manifest.json`, read as `lossplot verify` and
/// `lossplot diff` read it, then verified against the folder (which holds nothing else). A
/// manifest read without error must, when it is valid JSON, also be one the report's folder check
/// recognises as lossplot's (the decoder does not check values it skips, so `{"x": 01}` reads),
/// and writing it again (`ReportManifest.encoded`) must read back as the same manifest.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    folder.write(FuzzInput.bytes(data, size), to: ReportManifest.fileName)
    guard let manifest = try? ReportManifest(readingFolder: folder.path) else { return 0 }
    if (try? JSONSerialization.jsonObject(with: Data(FuzzInput.bytes(data, size)))) != nil {
        FuzzInput.require(ReportManifest.marksReport(folder: folder.path), "verify reads the manifest as lossplot's, the folder check does not")
    }
    FuzzInput.require(manifest.files.allSatisfy { FolderFile.isPlainPath($0.path) }, "an unsafe path was accepted")
    do {
        rewritten.write(try manifest.encoded(), to: ReportManifest.fileName)
        let again = try ReportManifest(readingFolder: rewritten.path)
        FuzzInput.require(again == manifest, "the rewritten manifest reads back as another manifest")
    } catch {
        FuzzInput.require(false, "the rewritten manifest does not read back: \(error)")
    }
    if let verification = try? ReportVerification(folder: folder.path) {
        let listed = Set(manifest.files.map(\.path))
        FuzzInput.require(verification.findings.allSatisfy { listed.contains($0.path) },
                          "verify names a file the manifest does not list in a folder that holds only the manifest")
    }
    return 0
}

FuzzDriver.run(fuzzManifest)

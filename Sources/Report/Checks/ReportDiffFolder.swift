import Foundation
import OutputFiles

extension ReportDiff {
    /// Writes the summary page (`diff.mustache` of the templates `TemplateLocator` finds, or of
    /// `templatesDirectory`) and the images (`ReportDiffPage`) into `folder`, whole or not at all,
    /// through `OutputFolder`: a missing or empty folder, or an earlier `lossplot diff`, is
    /// replaced; any other folder is refused before anything is written.
    /// `tables` (the numbers two reports of runs hold) are shown before the charts.
    public func write(to folder: String, templatesDirectory: String? = nil, tables: [DiffTable] = []) throws {
        let templates = try TemplateSet.load(explicit: templatesDirectory)
        let files = try ReportDiffPage.files(self, templates: templates, tables: tables).map { (path: $0.path, bytes: $0.bytes) }
        try ReportError.writing { try OutputFolder(folder, kind: "earlier lossplot diff", isEarlier: { Self.isEarlierDiff($0) }).write(files) }
    }

    /// Whether `folder/index.html` is a regular file, a page `lossplot diff` wrote.
    static func isEarlierDiff(_ folder: String) -> Bool {
        guard case .success(let data) = FolderFile.read("index.html", in: folder, maxBytes: ReportManifest.maxBytes) else { return false }
        return String(decoding: data.prefix(1024), as: UTF8.self).contains("<meta name=\"generator\" content=\"\(ReportDiffPage.generator)\">")
    }
}

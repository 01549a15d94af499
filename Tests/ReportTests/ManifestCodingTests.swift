import Foundation
import OutputFiles
@testable import Report
import Testing

/// `manifest.json` is written and read by one type, `ReportManifest` (`Codable`), with its keys
/// sorted at every level.
@Suite struct ManifestCodingTests {
    static let manifest = ReportManifest(
        version: "0.1.0", sourceDateEpoch: nil, language: "en", selfContained: false,
        files: [
            ManifestEntry(path: "index.html", bytes: 10, sha256: String(repeating: "a", count: 64)),
            ManifestEntry(path: "charts/huber.png", bytes: 3, sha256: String(repeating: "b", count: 64), scenario: "huber", format: "png"),
        ])

    @Test func theBytesHaveSortedKeysAndSlashesAsTheyAre() throws {
        let text = String(decoding: try Self.manifest.encoded(), as: UTF8.self)
        #expect(text == """
        {
          "files" : [
            {
              "bytes" : 3,
              "format" : "png",
              "path" : "charts/huber.png",
              "scenario" : "huber",
              "sha256" : "\(String(repeating: "b", count: 64))"
            },
            {
              "bytes" : 10,
              "path" : "index.html",
              "sha256" : "\(String(repeating: "a", count: 64))"
            }
          ],
          "generator" : "lossplot report",
          "language" : "en",
          "selfContained" : false,
          "sourceDateEpoch" : null,
          "version" : "0.1.0"
        }

        """)
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        var manifest = Self.manifest
        manifest.sourceDateEpoch = 1_700_000_000
        #expect(try ReportManifest(decoding: manifest.encoded()) == manifest)
        #expect(try ReportManifest(decoding: Self.manifest.encoded()) == Self.manifest)
    }

    /// A CI job diffs against a baseline that an earlier lossplot wrote, by hand, in another key
    /// order: it reads as it did.
    @Test func aManifestInTheEarlierLayoutReads() throws {
        let earlier = """
        {
          "generator": "lossplot report",
          "version": "0.1.0",
          "sourceDateEpoch": null,
          "language": "en",
          "selfContained": false,
          "files": [
            {"path": "charts/huber.png", "bytes": 3, "sha256": "\(String(repeating: "b", count: 64))", "scenario": "huber", "format": "png"},
            {"path": "index.html", "bytes": 10, "sha256": "\(String(repeating: "a", count: 64))"}
          ]
        }

        """
        #expect(try ReportManifest(decoding: Array(earlier.utf8)) == Self.manifest)
    }

    /// The folder check that decides whether a folder may be replaced reads the manifest as
    /// `verify` does: a `manifest.json` that only claims the generator, with none of a manifest's
    /// fields, no longer makes a folder lossplot's to replace.
    @Test func onlyAWholeManifestMarksAFolderAsAReport() throws {
        let dir = try ArtifactFixture.temporaryFolder("marks-report")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ArtifactFixture.write(Array("{\"generator\": \"lossplot report\"}".utf8), dir + "/" + ReportManifest.fileName)
        #expect(!ReportManifest.marksReport(folder: dir))
        #expect(throws: ReportError("\(dir)/manifest.json is not a lossplot manifest: no \"files\"")) { try ReportManifest(readingFolder: dir) }
        try ArtifactFixture.write(Self.manifest.encoded(), dir + "/" + ReportManifest.fileName)
        #expect(ReportManifest.marksReport(folder: dir))
    }

    @Test(arguments: [
        ("{\"generator\": \"someone\", \"files\": []}", "was not written by lossplot report (generator \"someone\")"),
        ("{\"generator\": \"lossplot report\", \"version\": \"0\", \"language\": \"en\", \"selfContained\": false, \"files\": [{\"path\": \"a\", \"bytes\": \"x\", \"sha256\": \"0\"}]}",
         "is not a lossplot manifest: files[0].bytes: a value of the wrong type"),
        ("{\"generator\": \"lossplot report\", \"version\": \"0\", \"language\": \"en\", \"selfContained\": false, \"files\": [{\"path\": \"a\", \"bytes\": 1, \"sha256\": \"0\"}, {\"path\": \"a\", \"bytes\": 1, \"sha256\": \"0\"}]}",
         "lists a twice"),
        ("{\"generator\": \"lossplot report\", \"version\": \"0\", \"language\": \"en\", \"selfContained\": false, \"files\": [{\"path\": \"manifest.json\", \"bytes\": 1, \"sha256\": \"0\"}]}",
         "lists the path \"manifest.json\", which is not a file inside the folder"),
        ("[1, 2", "is not valid JSON"),
    ])
    func whatIsNotAManifestSaysWhy(json: String, problem: String) {
        #expect(throws: ManifestError(problem)) { try ReportManifest(decoding: Array(json.utf8)) }
    }
}

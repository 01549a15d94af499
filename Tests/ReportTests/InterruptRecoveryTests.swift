import LossPlotCairo
import LossPlotCharts
import Foundation
@testable import Report
import Testing

/// Issue 12, item 11: what a killed run left beside a report folder is undone by the next run.
@Suite struct InterruptRecoveryTests {
    @Test func aLaterRunPutsBackAReportLeftAsideAndRemovesWhatKilledRunsLeft() throws {
        let dir = try ArtifactFixture.temporaryFolder("recover")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try Fixture.deadPID()
        // A run killed between the two renames of a swap: the target is missing, the old report
        // is aside, the new one complete in staging; another run was killed while writing.
        let aside = try ArtifactFixture.copy(to: dir, as: ".out.lossplot-old-\(dead)")
        let before = Fixture.contents(of: aside)
        _ = try ArtifactFixture.copy(to: dir, as: ".out.lossplot-new-\(dead)")
        try FileManager.default.createDirectory(atPath: dir + "/.out.lossplot-new-\(dead + 1_000_000)", withIntermediateDirectories: false)
        // A live process's staging folder (pid 1 is always there) is left alone.
        try FileManager.default.createDirectory(atPath: dir + "/.out.lossplot-new-1", withIntermediateDirectories: false)
        // A run that fails before writing (no formats) still recovers first.
        var options = Fixture.options(dir + "/out")
        options.formats = []
        #expect(throws: ReportError("\(option: .formats) names no format")) { try ReportWriter(options: options, encoder: ChartEncoder()).write() }
        #expect(Fixture.contents(of: dir + "/out") == before)
        #expect(try ReportVerification(folder: dir + "/out").isIntact)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == [".out.lossplot-new-1", "out"], "\(left)")
    }
}

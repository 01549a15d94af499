import Foundation
import Testing
@testable import RunLogs

/// Keras' CSVLogger, against logs Keras wrote: NA, ';' and tab separators, a diverged loss, an
/// appended second fit.
@Suite struct KerasCSVReaderTests {
    @Test func everyLogInTheFolderMatchesTheKey() throws {
        let key = try AnswerKey.load("keras")
        let folder = try AnswerKey.folder("keras")
        let set = try RunLoader.load([folder])
        #expect(set.runs.map(\.name) == key.runs.map(\.name))
        for (run, runKey) in zip(set.runs, key.runs) {
            #expect(run.format == .keras)
            #expect(run.paths == (runKey.files ?? []).map { folder + "/" + $0 })
            expectMatches(run, runKey)
        }
    }

    @Test func anAppendedSecondFitKeepsItsEpochsAndWarnsOnce() throws {
        let key = try AnswerKey.load("keras")
        let folder = try AnswerKey.folder("keras")
        let path = folder + "/appended.csv"
        let set = try RunLoader.load([path])
        let lines = try #require(key.runs.first { $0.name == "appended" }?.restartLines)
        #expect(lines == [6])
        #expect(set.warnings == [RunLogWarning(path: path, at: .line(6),
            "the epoch goes back (from 3 to 0): a second fit appended without initial_epoch? The points are kept as written; plots continue each restart after the part before")])
        #expect(set.runs.first?.metric(named: "loss")?.points.map(\.step) == [0, 1, 2, 3, 0, 1, 2])
        // The other logs do not go back.
        #expect(try RunLoader.load([folder + "/history.csv", folder + "/diverged.csv"]).warnings.isEmpty)
    }

    @Test func naIsNotLoggedAndNanIsAValue() throws {
        let folder = try AnswerKey.folder("keras")
        let history = try #require(try RunLoader.load([folder + "/history.csv"]).runs.first)
        #expect(history.metric(named: "val_loss")?.points.map(\.step) == [1, 3])
        #expect(history.metric(named: "loss")?.axis == .epoch)
        let diverged = try #require(try RunLoader.load([folder + "/diverged.csv"]).runs.first)
        let loss = try #require(diverged.metric(named: "loss"))
        #expect(loss.points.count == 6)
        #expect(loss.points[4].value == .infinity)
        #expect(loss.points[5].value.isNaN)
    }

    @Test func severalRestartsAreOneWarning() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("epoch;loss\n0;1\n1;0.5\n0;0.4\n1;0.3\n0;0.2\n", to: "log.txt")
        let set = try RunLoader.load([path])
        #expect(set.runs.first?.format == .keras)
        #expect(set.warnings.map(\.description) == [
            "\(path):4: the epoch goes back (from 1 to 0; restarts at lines 4, 6): a second fit appended without initial_epoch? The points are kept as written; plots continue each restart after the part before"])
    }
}

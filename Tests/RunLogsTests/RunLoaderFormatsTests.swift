import Foundation
import Testing
@testable import RunLogs
import SafeText

/// Telling the text formats apart: one walk over every fixture, and files nobody can read.
@Suite struct RunLoaderFormatsTests {
    @Test func oneWalkOverEveryFixtureFindsEachLoggersRuns() throws {
        let fixtures = try AnswerKey.folder("").dropLast().description
        let runs = try RunLoader.load([fixtures]).runs.filter { $0.format != .tfevents }
        var expected: [String: LogFormat] = [:]
        for (format, logFormat) in [("trainer_state", LogFormat.trainerState), ("lightning", .lightning), ("keras", .keras), ("dvclive", .dvclive)] {
            for run in try AnswerKey.load(format).runs { expected[format + "/" + run.name] = logFormat }
        }
        for run in try AnswerKey.load("mlflow").runs { expected[run.name] = .mlflow }
        // A plain table is read in a walk only when it looks like a Keras log (first column epoch).
        expected["csv/by_epoch"] = .keras
        #expect(Dictionary(uniqueKeysWithValues: runs.map { ($0.name, $0.format) }) == expected)
    }

    @Test func aFileNobodyCanReadSaysWhatWasLookedFor() throws {
        let folder = try TemporaryFolder()
        let lookedFor = RunLoader.lookedFor(RunLoader.readers)
        let npy = try folder.write([0x93] + Array("NUMPY\u{1}\u{0}v\u{0}{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n".utf8), to: "preds.npy")
        let prose = try folder.write("Hello, world, this is a note.\nIt has two lines, not a table.\nAnd a third.\n", to: "notes.txt")
        let json = try folder.write("{\n  \"a\": 1\n}\n", to: "config.json")
        for path in [npy, prose, json] {
            #expect(throws: RunLogError(path: path, "cannot tell the format of this file (looked for \(lookedFor))")) {
                try RunLoader.load([path])
            }
        }
        #expect(lookedFor.contains("trainer_state.json") && lookedFor.contains("MLflow mlruns") && lookedFor.contains("Keras CSVLogger"))
    }

    @Test func aWalkLooksAtKerasLogsByNameAndHeader() throws {
        let folder = try TemporaryFolder()
        try folder.write("epoch,loss\n0,1\n", to: "a/training.log")
        try folder.write("epoch,loss\n0,1\n", to: "b/history")
        try folder.write("step,epoch,loss\n0,0,1\n", to: "c/table.csv")
        #expect(try RunLoader.load([folder.path]).runs.map(\.name) == ["a/training"])
        #expect(try RunLoader.load([folder.path + "/b/history"]).runs.first?.format == .keras)
        #expect(try RunLoader.load([folder.path + "/c/table.csv"]).runs.first?.format == .csv)
    }
}

/// Folder and file names are bytes: a name that is not UTF-8 is walked and named without loss.
@Suite struct RunLoaderNameTests {
    @Test func aFolderWhoseNameIsNotUTF8IsWalked() throws {
        let folder = try TemporaryFolder()
        let name = FileSystemPath.string(fromBytes: Array("caf".utf8) + [0xE9])
        let sub = folder.path + "/" + name
        #expect(mkdir(FileSystemPath.cString(sub), 0o700) == 0)
        let file = sub + "/training.log"
        let fd = open(FileSystemPath.cString(file), O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #expect(fd >= 0)
        let text = Array("epoch,loss\n0,1.5\n1,0.5\n".utf8)
        #expect(text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == text.count)
        close(fd)
        let set = try RunLoader.load([folder.path])
        #expect(set.runs.map(\.name) == [name + "/training"])
        #expect(set.runs.first?.paths == [file])
        #expect(set.runs.first?.metric(named: "loss")?.points.count == 2)
    }
}

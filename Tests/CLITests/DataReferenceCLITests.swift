import DataFixtures
import Foundation
import Testing

/// `eval` on one column of a pandas CSV and one array of a numpy archive, as a user passes them.
@Suite struct DataReferenceCLITests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-refs-cli-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func fixture(_ name: String) throws -> String { try #require(DataFixtures.path(name), "fixture \(name)") }

    /// mean((t - p)²), summed pairwise as the losses do not: compared within a few ulps.
    func mse(_ t: [Double], _ p: [Double]) -> Double {
        zip(t, p).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(t.count)
    }

    func value(_ run: CLIRun) throws -> Double {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout) \(run.stderr)")
        return try #require(json["value"] as? Double)
    }

    @Test func columnsOfAPandasCSV() throws {
        let key = try #require(DataFixtures.answerKey?.csv["preds.csv"])
        let csv = try fixture("preds.csv")
        let run = try CLIRun(["eval", "mse", "--y-true", csv + ":target", "--y-pred", csv + ":prediction", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = mse(try #require(key.columns["target"]), try #require(key.columns["prediction"]))
        #expect(abs(try value(run) - expected) <= 4 * expected.ulp)
        let weighted = try CLIRun(["eval", "bce", "--y-true", csv + ":label", "--y-pred", csv + ":probability",
                                   "--weights", csv + ":weight", "--format", "json"])
        #expect(weighted.status == 0, "\(weighted.stderr)")
    }

    @Test(arguments: ["preds.npz", "preds_compressed.npz"])
    func arraysOfAnArchive(_ name: String) throws {
        let key = try #require(DataFixtures.answerKey?.npz[name])
        let npz = try fixture(name)
        let run = try CLIRun(["eval", "mse", "--y-true", npz + ":y_true", "--y-pred", npz + ":y_pred", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = mse(try #require(key["y_true"]?.values), try #require(key["y_pred"]?.values))
        #expect(abs(try value(run) - expected) <= 4 * expected.ulp)
        let cce = try CLIRun(["eval", "sparse-cce", "--y-true", npz + ":labels", "--y-pred", npz + ":probs", "--gradient"])
        #expect(cce.status == 0, "\(cce.stderr)")
        #expect(cce.stdout.split(separator: "\n").count == 1 + 1 + 12)
    }

    @Test func aPathWithAColonStillWorks() throws {
        let colon = folder.appendingPathComponent("run:1.csv").path
        try? FileManager.default.removeItem(atPath: colon)
        try FileManager.default.copyItem(atPath: try fixture("preds.csv"), toPath: colon)
        let byColumn = try CLIRun(["eval", "mae", "--y-true", colon + ":target", "--y-pred", colon + ":prediction"])
        #expect(byColumn.status == 0, "\(byColumn.stderr)")
        let whole = folder.appendingPathComponent("a:b.csv").path
        try "1\n2\n3\n".write(toFile: whole, atomically: true, encoding: .utf8)
        let run = try CLIRun(["eval", "mse", "--y-true", whole, "--y-pred", whole])
        #expect(run.status == 0 && run.stdout == "mse (mean over 3 samples): 0.0\n", "\(run.stderr)")
    }

    @Test func aBadNameIsOneLineNamingTheFileAndWhatItHolds() throws {
        let csv = try fixture("preds.csv"), npz = try fixture("preds.npz")
        let column = try CLIRun(["eval", "mse", "--y-true", csv + ":target", "--y-pred", csv + ":pred"])
        #expect(column.status == 1 && column.saysOneLine)
        #expect(column.stderr == "lossplot: \(csv): has no column \"pred\" (columns: \"\", \"target\", \"prediction\", \"label\", \"probability\", \"weight\", \"note\", \"sparse\")\n")
        let member = try CLIRun(["eval", "mse", "--y-true", npz + ":y_true", "--y-pred", npz + ":yhat"])
        #expect(member.status == 1 && member.saysOneLine)
        #expect(member.stderr == "lossplot: \(npz): has no array \"yhat\" (arrays: \"y_true\", \"y_pred\", \"labels\", \"probs\", \"weights\")\n")
        let blank = try CLIRun(["eval", "mse", "--y-true", csv + ":target", "--y-pred", csv + ":sparse"])
        #expect(blank.stderr == "lossplot: \(csv):5: column \"sparse\": blank cell\n")
    }

    @Test func aLossComplaintNamesTheColumn() throws {
        let csv = try fixture("preds.csv")
        let run = try CLIRun(["eval", "bce", "--y-true", csv + ":label", "--y-pred", csv + ":target"])
        #expect(run.status == 1 && run.saysOneLine)
        #expect(run.stderr.hasPrefix("lossplot: \(csv):2: column \"target\": probability "), "\(run.stderr)")
    }
}

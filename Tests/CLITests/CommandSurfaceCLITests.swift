import Foundation
import Testing

/// What every command shares: `--version`, the one error line and its status, JSON with sorted
/// keys, and the fitted models in `run`'s JSON.
@Suite struct CommandSurfaceCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func versionIsTheManifestsVersion() throws {
        let run = try CLIRun(["--version"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        let report = try ArtifactCLITests.report.get()
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report + "/manifest.json"))) as? [String: Any])
        let version = try #require(manifest["version"] as? String)
        #expect(run.stdout == version + "\n")
    }

    @Test func shellCompletionsKnowTheLossesIdsAndChoices() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try CLIRun(["--generate-completion-script", shell])
            #expect(run.status == 0 && run.stderr.isEmpty, "\(shell): \(run.stderr)")
            for word in ["eval", "huber", "sparse-cce", "mse-vs-mae", "regression-robust", "balanced", "svg"] {
                #expect(run.stdout.contains(word), "\(shell) completion lacks \(word)")
            }
        }
    }

    /// scikit-learn 1.9.1's `coef_` and `intercept_` on the document's data
    /// (Tests/RegressionTests/Fixtures/document_dataset.json, written by its make_fixtures.py).
    static let scikitLearn: [String: (coefficient: Double, intercept: Double)] = [
        "Linear (MSE)": (44.46663502134617, -1.7734542025669526),
        "Ridge (MSE + L2)": (43.6807535573584, -1.8842229328445006),
        "Lasso (MSE + L1)": (43.20723132523301, -1.950965131018469),
    ]

    @Test func runsJSONCarriesEachFittedModelsCoefficientsAndIntercept() throws {
        let run = try CLIRun(["run", "regression-outliers", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let printout = try #require(try json(run.stdout) as? [String: Any])
        let models = try #require(printout["models"] as? [[String: Any]])
        #expect(models.compactMap { $0["name"] as? String } == ["Linear (MSE)", "Ridge (MSE + L2)", "Lasso (MSE + L1)"])
        for model in models {
            let name = try #require(model["name"] as? String)
            let reference = try #require(Self.scikitLearn[name])
            let coefficients = try #require(model["coefficients"] as? [Double])
            let intercept = try #require(model["intercept"] as? Double)
            #expect(coefficients.count == 1 && abs(coefficients[0] - reference.coefficient) <= 1e-9 * abs(reference.coefficient), "\(name)")
            #expect(abs(intercept - reference.intercept) <= 1e-9, "\(name)")
        }
        let robust = try #require(try json(try CLIRun(["run", "regression-robust", "--format", "json"]).stdout) as? [String: Any])
        let fits = try #require(robust["models"] as? [[String: Any]])
        #expect(fits.count >= 5 && fits.allSatisfy { ($0["coefficients"] as? [Double])?.count == 1 && $0["intercept"] is Double })
        // A scenario that fits nothing has no "models" key: its JSON is as before.
        let mse = try #require(try json(try CLIRun(["run", "mse-example", "--format", "json"]).stdout) as? [String: Any])
        #expect(mse["models"] == nil)
    }

    /// `lossplot run regression-seeds`: the 200-seed table as text and as JSON, and `run` names
    /// it among the ids that print.
    @Test func runPrintsTheComparisonOverSeeds() throws {
        // One run (the 200 draws take seconds in a debug build): the JSON carries the printed lines.
        let run = try CLIRun(["run", "regression-seeds", "--format", "json"])
        #expect(run.status == 0 && run.stderr.isEmpty, "stderr: \(run.stderr)")
        let printout = try #require(try json(run.stdout) as? [String: Any])
        let lines = try #require(printout["lines"] as? [String])
        #expect(lines.contains { $0.contains("repeated over 200 seeds") } && lines.contains { $0.hasPrefix("Lasso (MSE + L1)") })
        let tables = try #require(printout["tables"] as? [[String: Any]])
        #expect(tables.count == 1 && (tables.first?["rows"] as? [[String]])?.count == 8)
        let unknown = try CLIRun(["run", "nosuch"])
        #expect(unknown.status != 0 && unknown.stderr.contains("regression-seeds"))
    }

    @Test func jsonKeysAreSortedInEveryCommand() throws {
        let t = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-sorted-\(getpid()).csv")
        try "1\n2\n".write(to: t, atomically: true, encoding: .utf8)
        for arguments in [["list", "--format", "json"], ["run", "regression-robust", "--format", "json"],
                          ["eval", "mse", "--y-true", t.path, "--y-pred", t.path, "--gradient", "--format", "json"]] {
            let run = try CLIRun(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            // Keys in the order they are written, object by object: each object's own keys ascend.
            let keys = try Self.keyOrders(run.stdout)
            #expect(!keys.isEmpty)
            for object in keys { #expect(object == object.sorted(), "\(arguments[0]): \(object)") }
        }
    }

    /// The keys of every JSON object in `text`, in the order written (strings skipped).
    static func keyOrders(_ text: String) throws -> [[String]] {
        var stack: [[String]] = [], done: [[String]] = []
        var chars = Array(text.unicodeScalars)[...]
        var pending: String?
        while let c = chars.popFirst() {
            switch c {
            case "{": stack.append([])
            case "}": if let last = stack.popLast() { done.append(last) }
            case "\"":
                var s = ""
                while let d = chars.popFirst(), d != "\"" {
                    if d == "\\", let e = chars.popFirst() { s.unicodeScalars.append(e) } else { s.unicodeScalars.append(d) }
                }
                pending = s
            case ":": if let key = pending, !stack.isEmpty { stack[stack.count - 1].append(key) }; pending = nil
            case ",", "[", "]": pending = nil
            default: break
            }
        }
        return done
    }

    @Test func aBadValueForAFixedSetIsOneUsageLine() throws {
        for arguments in [["eval", "nosuch"], ["eval", "mse", "--reduction", "avg"], ["list", "--format", "yaml"],
                          ["eval", "bce", "--class-weight", "uniform"], ["chart", "mse-vs-mae", "--format", "gif"]] {
            let run = try CLIRun(arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.saysOneLine && !run.stderr.contains("\\n"), "\(arguments): \(run.stderr)")
        }
        let loss = try CLIRun(["eval", "nosuch"])
        #expect(loss.stderr.contains("known losses: mse, mae, huber"))
    }

    @Test func libraryMessagesReachTheUserWithFlags() throws {
        let dir = FileManager.default.temporaryDirectory
        let t = dir.appendingPathComponent("flags-t-\(getpid()).csv"), p = dir.appendingPathComponent("flags-p-\(getpid()).csv")
        try "0\n1\n".write(to: t, atomically: true, encoding: .utf8)
        try "0.5\n1.5\n".write(to: p, atomically: true, encoding: .utf8)
        let probability = try CLIRun(["eval", "bce", "--y-true", t.path, "--y-pred", p.path])
        #expect(probability.status == 1)
        #expect(probability.stderr == "lossplot: \(p.path):2: probability 1.5 is outside [0, 1] (pass --from-logits for raw scores)\n")
        let usage = try CLIRun(["eval", "mse", "--y-true", t.path, "--y-pred", p.path, "--from-logits"])
        #expect(usage.status == 64 && usage.stderr == "lossplot: --from-logits: does not apply to mse\n")
        let missing = try CLIRun(["eval", "contrastive", "--x1", t.path, "--x2", t.path])
        #expect(missing.status == 64 && missing.stderr == "lossplot: contrastive needs --labels FILE\n")
        let foreign = try CLIRun(["eval", "mse", "--y-true", t.path, "--y-pred", p.path, "--anchor", t.path])
        #expect(foreign.stderr == "lossplot: --anchor does not apply to mse (it takes --y-true, --y-pred)\n")
        let balanced = try CLIRun(["eval", "mse", "--y-true", t.path, "--y-pred", p.path, "--class-weight", "balanced"])
        #expect(balanced.status == 64 && balanced.stderr == "lossplot: --class-weight: mse is not a classification loss\n")
    }
}

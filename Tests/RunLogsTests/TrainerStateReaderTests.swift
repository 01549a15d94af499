import Foundation
import Testing
@testable import RunLogs

/// Hugging Face `trainer_state.json`, against a tiny Trainer run's own output folder.
@Suite struct TrainerStateReaderTests {
    @Test func anOutputFolderWithCheckpointsIsOneRunReadFromItsFinalState() throws {
        let key = try AnswerKey.load("trainer_state")
        let folder = try AnswerKey.folder("trainer_state")
        let set = try RunLoader.load([folder])
        #expect(set.runs.count == 1)
        let run = try #require(set.runs.first)
        let runKey = try #require(key.runs.first)
        #expect(run.name == runKey.name)
        #expect(run.format == .trainerState)
        #expect(run.paths == (runKey.files ?? []).map { folder + "/" + $0 })
        #expect(key.claimed?.count == 4, "the fixture has the final state and three checkpoints")
        expectMatches(run, runKey)
        #expect(set.warnings.isEmpty)
    }

    @Test func pythonsNaNAndInfinityAreValues() throws {
        let run = try #require(try RunLoader.load([AnswerKey.folder("trainer_state")]).runs.first)
        let odd = try #require(run.metric(named: "eval_odd_ratio"))
        #expect(odd.points.map(\.step) == [4, 8, 12])
        #expect(odd.points[0].value.isNaN)
        #expect(odd.points[1].value == .infinity)
        #expect(odd.points.allSatisfy { $0.epoch != nil })
    }

    @Test func aCheckpointNamedDirectlyIsItsOwnRunNamedByItsFolder() throws {
        let path = try AnswerKey.folder("trainer_state") + "/out/checkpoint-8/trainer_state.json"
        let run = try #require(try RunLoader.load([path]).runs.first)
        #expect(run.name == (path as NSString).deletingLastPathComponent)
        #expect(run.metric(named: "loss")?.points.map(\.step) == [2, 4, 6, 8])
        #expect(run.metric(named: "train_loss") == nil, "the summary row comes only with the final state")
    }

    @Test func theLargestGlobalStepWinsEvenOverAStaleFinalState() throws {
        let folder = try TemporaryFolder()
        func state(_ step: Int, loss: Double) -> String {
            "{\"global_step\": \(step), \"train_batch_size\": 8, \"log_history\": [{\"step\": \(step), \"epoch\": 1.5, \"loss\": \(loss)}]}"
        }
        try folder.write(state(12, loss: 1), to: "out/trainer_state.json")
        try folder.write(state(20, loss: 2), to: "out/checkpoint-20/trainer_state.json")
        try folder.write(state(10, loss: 3), to: "out/checkpoint-10/trainer_state.json")
        let run = try #require(try RunLoader.load([folder.path]).runs.first)
        #expect(run.name == "out")
        #expect(run.paths == [folder.path + "/out/checkpoint-20/trainer_state.json"])
        #expect(run.metric(named: "loss")?.points == [MetricPoint(step: 20, value: 2, epoch: 1.5)])
        #expect(run.params == ["train_batch_size": "8"])

        // A tie goes to the final state in the output folder itself.
        try folder.write(state(20, loss: 4), to: "out/trainer_state.json")
        let tied = try #require(try RunLoader.load([folder.path]).runs.first)
        #expect(tied.paths == [folder.path + "/out/trainer_state.json"])
    }

    @Test func trialParamsAreFlattenedAndNumbersWrittenAsPythonWould() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("""
            {"global_step": 1, "num_train_epochs": 3, "max_steps": -1, "trial_name": "t0",
             "trial_params": {"learning_rate": 5e-05, "seed": 42.0, "warmup": null},
             "log_history": [{"step": 1, "loss": 0.5}]}
            """, to: "trainer_state.json")
        let run = try #require(try RunLoader.load([path]).runs.first)
        #expect(run.params == ["num_train_epochs": "3", "max_steps": "-1", "trial_name": "t0",
                               "trial_params.learning_rate": "5e-05", "trial_params.seed": "42"])
    }

    @Test func malformedJSONNamesItsLine() throws {
        let folder = try TemporaryFolder()
        let missingComma = try folder.write("{\n  \"global_step\": 2,\n  \"log_history\": [\n    {\"step\": 1, \"loss\": 0.5}\n    {\"step\": 2}\n  ]\n}\n", to: "a/trainer_state.json")
        #expect(throws: RunLogError(path: missingComma, at: .line(5), "not valid JSON: expected ',' or ']', found '{'")) {
            try RunLoader.load([missingComma])
        }
        let truncated = try folder.write("{\n  \"global_step\": 2,\n  \"log_history\": [\n    {\"step\": 1, \"lo", to: "b/trainer_state.json")
        #expect(throws: RunLogError(path: truncated, at: .line(4), "not valid JSON: the JSON ends inside a string (a writer still running?)")) {
            try RunLoader.load([truncated])
        }
        let noHistory = try folder.write("{\"global_step\": 2}", to: "c/trainer_state.json")
        #expect(throws: RunLogError(path: noHistory, "has no log_history list (is it a Trainer's trainer_state.json?)")) {
            try RunLoader.load([noHistory])
        }
        let noStep = try folder.write("{\"log_history\": [{\"step\": 1, \"loss\": 1}, {\"loss\": 2}]}", to: "d/trainer_state.json")
        #expect(throws: RunLogError(path: noStep, "log_history[1] has no step")) { try RunLoader.load([noStep]) }
        // Foundation refuses nesting past 512 levels; the grammar is fine, so no line is named.
        let deep = try folder.write(String(repeating: "[", count: 600) + String(repeating: "]", count: 600), to: "e/trainer_state.json")
        #expect(throws: RunLogError(path: deep, "not valid JSON (nesting too deep?)")) { try RunLoader.load([deep]) }
    }

    @Test func jsonSyntaxFindsTheFirstProblem() {
        func problem(_ text: String) -> JSONSyntax.Problem? { JSONSyntax.firstProblem(in: Array(text.utf8)) }
        #expect(problem("{\"a\": [1, 2.5e-3, -Infinity, NaN, true, null, \"x\\u00e9\\n\"], \"b\": {},}") == nil)
        #expect(problem("[1,\n2,\n3,]") == nil)
        #expect(problem("{\"a\": 1}\n x") == .init(line: 2, message: "unexpected 'x' after the JSON value"))
        #expect(problem("{\"a\"\n 1}") == .init(line: 2, message: "expected ':' after a key, found '1'"))
        #expect(problem("[1.]") == .init(line: 1, message: "expected a value, found '1'"))
        #expect(problem("{a: 1}") == .init(line: 1, message: "expected a quoted key, found 'a'"))
        #expect(problem("[\"a\nb\"]") == .init(line: 1, message: "a line break or control character inside a string"))
        #expect(problem(String(repeating: "[", count: 100_000)) == .init(line: 1, message: "the JSON ends early (a writer still running?)"))
    }
}

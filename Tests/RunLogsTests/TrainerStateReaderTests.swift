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
        // Deep nesting is refused before it can cost the stack (reading, comparing or releasing).
        let deep = try folder.write("{\"log_history\":\n" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}", to: "e/trainer_state.json")
        #expect(throws: RunLogError(path: deep, at: .line(2), "not valid JSON: nested deeper than 512 levels")) { try RunLoader.load([deep]) }
        let fine = try folder.write("{\"log_history\": [], \"x\": " + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}", to: "f/trainer_state.json")
        #expect(try RunLoader.load([fine]).runs.first?.metrics == [])
    }

    @Test func theJSONParserReadsPythonsDialectAndNamesTheLineOfAProblem() throws {
        func parse(_ text: String) throws(JSONParser.Problem) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }
        func problem(_ text: String) -> JSONParser.Problem? {
            do { _ = try parse(text); return nil } catch { return error }
        }
        let value = try parse("{\"b\": [1, 2.5e-3, -Infinity, NaN, true, null, \"x\\u00e9\\n\\ud83d\\ude00\"], \"a\": {}, \"a\": -0,}")
        #expect(value == .object([("a", .number(-0.0)), ("b", .array([
            .number(1), .number(0.0025), .number(-.infinity), .number(.nan), .bool(true), .null, .string("xé\n😀")]))]))
        #expect(try parse("\u{FEFF} [1,\n2,\n3,] ") == .array([.number(1), .number(2), .number(3)]))
        #expect(try parse("0.1") == .number(0.1))
        #expect(try parse("1e400") == .number(.infinity))
        // The values Foundation's decoder reads, read the same.
        let python = "{\"x\": [0.30000000000000004, 1.7976931348623157e308, 5e-324, -12, \"\\\"q\\\"\"]}"
        #expect(try parse(python) == (try foundationDecode(Array(python.utf8))))
        #expect(problem("{\"a\": 1}\n x") == .init(line: 2, message: "unexpected 'x' after the JSON value"))
        #expect(problem("{\"a\"\n 1}") == .init(line: 2, message: "expected ':' after a key, found '1'"))
        #expect(problem("[1.]") == .init(line: 1, message: "expected a value, found '1'"))
        #expect(problem("{a: 1}") == .init(line: 1, message: "expected a quoted key, found 'a'"))
        #expect(problem("[\"a\nb\"]") == .init(line: 1, message: "a line break or control character inside a string"))
        #expect(problem("[\"\\x\"]") == .init(line: 1, message: "a bad escape \\x in a string"))
        #expect(problem("\n\n[1, 2") == .init(line: 3, message: "the JSON ends early (a writer still running?)"))
        #expect(problem("") == .init(line: 1, message: "the JSON ends early (a writer still running?)"))
    }

    @Test func aLargeStateIsReadFasterThanFoundationReadsIt() throws {
        var rows: [String] = []
        for i in 0..<10_000 { rows.append("{\"step\": \(i), \"epoch\": \(Double(i) / 1000), \"loss\": \(1.0 / Double(i + 1)), \"learning_rate\": 0.001}") }
        let bytes = Array(("{\"global_step\": 10000, \"log_history\": [\n" + rows.joined(separator: ",\n") + "]}").utf8)
        let clock = ContinuousClock()
        var ours: JSONValue? = nil, foundations: JSONValue? = nil
        let oursTook = try clock.measure { ours = try JSONParser.parse(bytes) }
        let foundationTook = try clock.measure { foundations = try foundationDecode(bytes) }
        #expect(ours == foundations)
        // Optimized, 10^5 rows: 0.28 s against 3.9 s. A ratio, so a busy machine does not fail it.
        #expect(oursTook * 2 < foundationTook, "this parser \(oursTook), Foundation's decoder \(foundationTook)")
    }
}

/// Foundation's JSON5 decoder reading the same dialect: the reference the parser is checked against.
private func foundationDecode(_ bytes: [UInt8]) throws -> JSONValue {
    let decoder = JSONDecoder()
    decoder.allowsJSON5 = true
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try decoder.decode(JSONValue.self, from: Data(bytes))
}

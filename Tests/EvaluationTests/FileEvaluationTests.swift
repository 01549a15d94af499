import Evaluation
import Foundation
import LossFunctions
import Testing

/// Files wired to a loss: values as the losses compute them, complaints located at the file and
/// line at fault with the other inputs left as terms, results written as text and sorted JSON.
@Suite struct FileEvaluationTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-evaluation-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func failure(_ body: () throws(EvaluationError) -> Void) -> EvaluationError? {
        do { try body() } catch { return error }
        return nil
    }

    @Test func theDocumentsMSEWithItsGradient() throws {
        let t = try file("mse-t.csv", "3.0\n-0.5\n2.0\n7.0\n"), p = try file("mse-p.csv", "2.5\n0.0\n2.0\n8.0\n")
        let result = try FileEvaluation.evaluate(EvaluationRequest(loss: .mse, files: [.yTrue: t, .yPred: p], gradient: true))
        #expect(result.outcome.value == 0.375)
        var text = ""
        result.writeText { text += $0 }
        #expect(text == "mse (mean over 4 samples): 0.375\ngradient d/dy_pred:\n-0.25\n0.25\n0.0\n0.5\n")
        var json = ""
        try result.writeJSON { json += $0 }
        #expect(json == #"{"gradient": [-0.25, 0.25, 0.0, 0.5], "loss": "mse", "n": 4, "reduction": "mean", "value": 0.375}"# + "\n")
    }

    @Test func tripletGradientsAreKeyedByInputInAscendingOrder() throws {
        let a = try file("tr-a.csv", "0,0\n1,1\n"), p = try file("tr-p.csv", "0.1,0\n1,1.2\n"), n = try file("tr-n.csv", "0.2,0\n1,1\n")
        let result = try FileEvaluation.evaluate(EvaluationRequest(loss: .triplet, files: [.anchor: a, .positive: p, .negative: n],
                                                                   gradient: true))
        var json = ""
        try result.writeJSON { json += $0 }
        let keys = ["\"anchor\"", "\"negative\"", "\"positive\"", "\"loss\""].map { json.range(of: $0)?.lowerBound }
        #expect(keys.allSatisfy { $0 != nil } && keys == keys.sorted { ($0 ?? json.endIndex) < ($1 ?? json.endIndex) }, "\(json)")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let gradient = try #require(decoded["gradient"] as? [String: [[Double]]])
        #expect(gradient["positive"]?.count == 2 && gradient["positive"]?[0].count == 2)
    }

    @Test func aComplaintNamesTheFileAndLineAndLeavesTheOtherInputATerm() throws {
        let t = try file("len-t.csv", "1\n2\n3\n4\n"), short = try file("len-p.csv", "1\n2\n3\n")
        let mismatch = try #require(failure { () throws(EvaluationError) in
            _ = try FileEvaluation.evaluate(EvaluationRequest(loss: .mse, files: [.yTrue: t, .yPred: short]))
        })
        #expect(mismatch.kind == .data)
        #expect(mismatch.message.rendered { "<\($0)>" } == "\(short): has 3 values but <y_true> has 4")
        let b = try file("bce-t.csv", "0\n1\n1\n"), p = try file("bce-p.csv", "0.2\n0.7\n1.5\n")
        let outside = try #require(failure { () throws(EvaluationError) in
            _ = try FileEvaluation.evaluate(EvaluationRequest(loss: .bce, files: [.yTrue: b, .yPred: p]))
        })
        #expect(outside.message.rendered { "<\($0)>" } == "\(p):3: probability 1.5 is outside [0, 1] (pass <fromLogits> for raw scores)")
    }

    @Test func weightsMustBeOneColumn() throws {
        let t = try file("w-t.csv", "1\n2\n"), w = try file("w-w.csv", "1,2\n3,4\n")
        let error = try #require(failure { () throws(EvaluationError) in
            _ = try FileEvaluation.evaluate(EvaluationRequest(loss: .mae, files: [.yTrue: t, .yPred: t], weights: w))
        })
        #expect(error.description == "\(w): weights must be one column, found 2")
    }
}

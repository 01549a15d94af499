import Evaluation
import LossFunctions
import Testing

/// A request is checked before any file is read: parameters against the loss, inputs against the
/// loss's slots. Messages mention inputs and options as terms, never as flags.
@Suite struct RequestCheckingTests {
    /// The message as the command line would show it, each term in brackets.
    func shown(_ error: EvaluationError) -> String {
        error.message.rendered { "<\($0)>" }
    }

    func failure(_ body: () throws(EvaluationError) -> Void) -> EvaluationError? {
        do { try body() } catch { return error }
        return nil
    }

    @Test func parametersAreCheckedAgainstTheLossAndTheirRanges() throws {
        let cases: [(LossName, LossOptions, String)] = [
            (.huber, LossOptions(delta: 0), "<delta>: 0.0 must be positive"),
            (.quantile, LossOptions(quantile: 1), "<quantile>: 1.0 must be in (0, 1)"),
            (.triplet, LossOptions(margin: -1), "<margin>: -1.0 must be positive"),
            (.mse, LossOptions(fromLogits: true), "<fromLogits>: does not apply to mse"),
            (.mse, LossOptions(delta: 1), "<delta>: does not apply to mse"),
            (.huber, LossOptions(delta: .nan), "<delta>: nan is not a finite number"),
            (.focal, LossOptions(alpha: 2, gamma: -1), "<alpha>: 2.0 must be in [0, 1]"),
            (.bce, LossOptions(epsilon: 0.7), "<epsilon>: 0.7 must be in (0, 0.5)"),
        ]
        for (loss, options, expected) in cases {
            let error = try #require(failure { () throws(EvaluationError) in try options.validate(for: loss) })
            #expect(error.kind == .usage)
            #expect(shown(error) == expected)
        }
        #expect(failure { () throws(EvaluationError) in try LossOptions(gamma: 0, fromLogits: true).validate(for: .focal) } == nil)
    }

    @Test func inputsMustBeTheLossesOwn() throws {
        let missing = try #require(failure { () throws(EvaluationError) in
            _ = try EvaluationRequest(loss: .mse, files: [.yTrue: "t.csv"])
        })
        #expect(shown(missing) == "mse needs <y_pred> FILE")
        let foreign = try #require(failure { () throws(EvaluationError) in
            _ = try EvaluationRequest(loss: .mse, files: [.yTrue: "t.csv", .yPred: "p.csv", .x1: "x.csv"])
        })
        #expect(shown(foreign) == "<x1> does not apply to mse (it takes <y_true>, <y_pred>)")
        let unweighted = try #require(failure { () throws(EvaluationError) in
            _ = try EvaluationRequest(loss: .contrastive, files: [.x1: "a", .x2: "b", .labels: "c"], classWeight: .balanced)
        })
        #expect(shown(unweighted) == "<classWeight>: contrastive is not a classification loss")
        let request = try EvaluationRequest(loss: .triplet, files: [.negative: "n", .anchor: "a", .positive: "p"])
        #expect(request.inputs == ["a", "p", "n"])
    }

    @Test func everyInputHasOneSlot() {
        #expect(Set(InputSlot.all.map(\.input)) == Set(LossInputError.Input.allCases))
        #expect(InputSlot.all.allSatisfy { InputSlot.slot($0.input) == $0 })
        #expect(Set(InputSlot.all.map(\.flag)).count == InputSlot.all.count)
        #expect(LossInputKind.triplets.differentiatedSlots.map(\.jsonKey) == ["anchor", "positive", "negative"])
        #expect(LossInputKind.pairs.differentiatedSlots.map(\.jsonKey) == ["x1", "x2"])
        #expect(LossInputKind.predictions.differentiatedSlots == [.yPred])
    }
}

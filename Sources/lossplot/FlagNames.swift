import Evaluation
import LossFunctions

/// How the command line names what the libraries' messages mention: an input by its slot's flag
/// (`--y-true`), a parameter or option by its Swift label as swift-argument-parser spells a
/// property's flag (`fromLogits` is `--from-logits`).
enum FlagNames {
    static func flag(_ term: LossMessage.Term) -> String {
        switch term {
        case .input(let input): return "--" + InputSlot.slot(input).flag
        case .parameter(let label): return flag(label: label)
        }
    }

    /// `--` and the label with each capital letter lowered after a hyphen.
    static func flag(label: String) -> String {
        var out = "--"
        for character in label {
            if character.isUppercase {
                out += "-" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}

extension CommandFailure {
    /// An evaluation's failure, inputs and options named as flags.
    init(_ error: EvaluationError) {
        self.init(error.message.rendered(naming: FlagNames.flag), status: error.kind == .usage ? .usage : .failure)
    }
}

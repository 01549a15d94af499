import Evaluation
import LossFunctions
import Phrasing
import Report
import RunCharts

/// How the command line names what the libraries' messages mention: a loss's input by its slot's
/// flag (`--y-true`), a loss's parameter or an evaluation option by its Swift label as
/// swift-argument-parser spells a property's flag (`fromLogits` is `--from-logits`), a run chart's
/// option by the `plot` flag that sets it.
enum FlagNames {
    static func flag(_ term: LossTerm) -> String {
        switch term {
        case .input(let input): return "--" + InputSlot.slot(input).flag
        case .parameter(let label): return flag(label: label)
        }
    }

    static func flag(_ option: RunPlotOption) -> String {
        switch option {
        case .metricPatterns: return "--metric"
        case .x: return "--x"
        case .smoothing: return "--smooth"
        case .groupPattern: return "--group"
        case .maxPoints: return "--max-points"
        case .scale: return "--scale"
        case .widthAndHeight: return "--width and --height"
        }
    }

    static func flag(_ option: ReportOption) -> String {
        switch option {
        case .outputDirectory: return "--out"
        case .templatesDirectory: return "--templates"
        case .formats: return "--formats"
        case .selfContained: return "--self-contained"
        case .scale: return "--scale"
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

    /// A loss's or an evaluation's message as the command line shows it.
    static func text(_ message: LossMessage) -> String { message.rendered(naming: flag) }

    /// A run chart's message or warning as the command line shows it.
    static func text(_ message: RunPlotMessage) -> String { message.rendered(naming: flag) }

    /// A report's message as the command line shows it.
    static func text(_ message: ReportMessage) -> String { message.rendered(naming: flag) }
}

extension CommandFailure {
    /// An evaluation's failure, inputs and options named as flags.
    init(_ error: EvaluationError) {
        self.init(FlagNames.text(error.message), status: error.kind == .usage ? .usage : .failure)
    }

    /// A run chart's failure, options named as flags.
    init(_ error: RunPlotError, status: Status = .failure) {
        self.init(FlagNames.text(error.message), status: status)
    }

    /// A report's failure, options named as flags.
    init(_ error: ReportError, status: Status = .failure) {
        self.init(FlagNames.text(error.message), status: status)
    }

    /// Any other error a library threw, as it describes itself.
    init(describing error: any Error) {
        switch error {
        case let e as ReportError: self.init(e)
        case let e as RunPlotError: self.init(e)
        default: self.init("\(error)")
        }
    }
}

import ArgumentParser
import Report

/// lossplot's root command: the subcommands, the version, and how failures reach the user.
struct Lossplot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lossplot",
        abstract: "Loss functions, their gradients, charts and a report, from one illustrated guide.",
        version: LossplotVersion.current,
        subcommands: [
            ChartCommand.self,
            DiffCommand.self,
            EvalCommand.self,
            ListCommand.self,
            PlotCommand.self,
            ReportCommand.self,
            RunCommand.self,
            RunsCommand.self,
            SummaryCommand.self,
            VerifyCommand.self,
        ]
    )
}

CommandLine.runLossplot(Lossplot.self)

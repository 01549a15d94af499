import ArgumentParser
import Foundation

/// lossplot's root command: the subcommands and how failures reach the user.
struct Lossplot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lossplot",
        abstract: "Loss functions, their gradients, charts and a report, from one illustrated guide.",
        subcommands: [
            ChartCommand.self,
            DiffCommand.self,
            EvalCommand.self,
            ListCommand.self,
            PlotCommand.self,
            ReportCommand.self,
            RunCommand.self,
            RunsCommand.self,
            VerifyCommand.self,
        ]
    )
}

CommandLine.runLossplot(Lossplot.self)

import ArgumentParser

struct Lossplot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lossplot",
        abstract: "Loss functions, their gradients, charts and a report from one illustrated guide.",
        subcommands: [EvalCommand.self]
    )
}

Lossplot.main()

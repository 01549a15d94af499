// swift-tools-version:6.0
// lossplot: loss functions, their charts (Cairo) and an HTML report, from one illustrated guide.
import PackageDescription

let package = Package(
    name: "lossplot",
    products: [
        .executable(name: "lossplot", targets: ["lossplot"]),
        .library(name: "LossFunctions", targets: ["LossFunctions"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "RunCharts", targets: ["RunCharts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The only place C is seen: Cairo through pkg-config.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev", "libfontconfig-dev"])]
        ),
        // Text from outside the program: file names that are not UTF-8 carried through String
        // without loss, and escaped for display on one line. No dependencies.
        .target(name: "SafeText"),
        // Messages whose mentions of inputs and options are left for the caller to name (the CLI
        // as flags). No dependencies.
        .target(name: "Phrasing"),
        // Pure Swift losses, values and gradients. Only Phrasing, for their messages.
        .target(name: "LossFunctions", dependencies: ["Phrasing"]),
        // Reading users' numbers: CSV, .npy and .npz (inflated by ZIPFoundation), whole or one
        // column or array of a file.
        .target(name: "DataFiles", dependencies: ["SafeText", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Between the libraries and the command line: the losses by name, their inputs (one table),
        // data files wired to a loss, and the result as text or streamed JSON. Names no flag.
        .target(name: "Evaluation", dependencies: ["LossFunctions", "DataFiles"]),
        // Users' training logs (TensorBoard, Hugging Face, Lightning, Keras, DVCLive, MLflow,
        // JSON Lines) read into runs of metrics. Knows nothing of charts or the command line.
        // CSV logs through DataFiles' parser; YAML (hparams.yaml, params.yaml, meta.yaml) through Yams.
        .target(name: "RunLogs", dependencies: ["DataFiles", "SafeText", .product(name: "Yams", package: "Yams")]),
        // The figure model as values, layout, ticks, and the Renderer protocol. No Cairo.
        .target(name: "Charts"),
        // Runs as TensorBoard's scalars page draws them: a figure model of panels, smoothing,
        // downsampling, groups. No Cairo, no command line.
        .target(name: "RunCharts", dependencies: ["RunLogs", "Charts", "Phrasing"]),
        // Cairo surfaces (SVG, PNG, PDF) behind Charts' Renderer protocol.
        .target(name: "CairoBackend", dependencies: ["Charts", "CCairo", "SafeText"]),
        // numpy's legacy random streams, scikit-learn's data helpers and linear models, robust fits.
        .target(name: "Regression", dependencies: ["LossFunctions"]),
        // One file per document figure or section: data, printed results, figures.
        .target(name: "Scenarios", dependencies: ["LossFunctions", "Charts", "Regression"]),
        // The HTML report: page model, Mustache templates, writing Output/.
        .target(
            name: "Report",
            dependencies: [
                "Scenarios", "Charts", "CairoBackend", "Phrasing",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The command-line tool: parse, call, print.
        .executableTarget(
            name: "lossplot",
            dependencies: [
                "Evaluation", "LossFunctions", "DataFiles", "RunLogs", "RunCharts", "Charts", "CairoBackend", "Scenarios", "Report", "SafeText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process timings for `make bench`: loss kernels against a plain sum, CSV parsing.
        .executableTarget(name: "lossplot-bench", dependencies: ["Evaluation", "LossFunctions", "DataFiles"]),
        // A deterministic random generator shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Files written by numpy and pandas (make_fixtures.py), for the test targets that read them.
        .target(name: "DataFixtures", path: "Tests/DataFixtures", exclude: ["make_fixtures.py"], resources: [.copy("Files")]),
        .testTarget(name: "LossFunctionsTests", dependencies: ["LossFunctions", "TestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "LossFunctions", "DataFiles", "DataFixtures", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RunLogsTests", dependencies: ["RunLogs", "SafeText", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RunChartsTests", dependencies: ["RunCharts", "RunLogs", "Charts", "CairoBackend", "TestSupport"]),
        .testTarget(name: "DataFilesTests", dependencies: ["DataFiles", "DataFixtures", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "CairoBackend", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RegressionTests", dependencies: ["Regression"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScenariosTests",
            dependencies: ["Scenarios", "Charts", "CairoBackend", "LossFunctions", "Regression"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        // Runs the built `lossplot` binary: exit codes and the one stderr line for bad input.
        .testTarget(name: "CLITests", dependencies: ["lossplot", "SafeText", "DataFixtures"]),
    ],
    swiftLanguageModes: [.v5]
)

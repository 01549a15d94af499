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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The only place C is seen: Cairo through pkg-config.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev", "libfontconfig-dev"])]
        ),
        // Text from outside the program: file names that are not UTF-8 carried through String
        // without loss, escaped for display on one line or for XML/HTML. No dependencies.
        .target(name: "SafeText"),
        // Pure Swift losses, values and gradients. No dependencies.
        .target(name: "LossFunctions"),
        // Reading users' numbers: CSV and .npy.
        .target(name: "DataFiles", dependencies: ["SafeText"]),
        // Users' training logs (TensorBoard, Hugging Face, Lightning, Keras, DVCLive, MLflow,
        // JSON Lines) read into runs of metrics. Knows nothing of charts or the command line.
        // CSV logs through DataFiles' parser; YAML (hparams.yaml, params.yaml, meta.yaml) through Yams.
        .target(name: "RunLogs", dependencies: ["DataFiles", "SafeText", .product(name: "Yams", package: "Yams")]),
        // The figure model as values, layout, ticks, the Renderer and ChartEncoding protocols. No Cairo.
        .target(name: "Charts"),
        // Runs as TensorBoard's scalars page draws them: a figure model of panels, smoothing,
        // downsampling, groups. No Cairo, no command line.
        .target(name: "RunCharts", dependencies: ["RunLogs", "Charts"]),
        // Files lossplot writes and reads back: whole or not at all (files and folders, undone on
        // SIGINT/SIGTERM), read without following links, the report manifest, PNG pixels compared
        // as `diff` compares them, SHA-256 through swift-crypto. No charts, no Cairo.
        .target(name: "OutputFiles", dependencies: ["SafeText", .product(name: "Crypto", package: "swift-crypto")]),
        // Cairo surfaces (SVG, PNG, PDF) behind Charts' Renderer and ChartEncoding protocols; PNG
        // decoding behind OutputFiles' PNGCoding.
        .target(name: "CairoBackend", dependencies: ["Charts", "CCairo", "SafeText", "OutputFiles"]),
        // numpy's legacy random streams, scikit-learn's data helpers and linear models, robust fits.
        .target(name: "Regression", dependencies: ["LossFunctions"]),
        // One file per document figure or section: data, printed results, figures.
        .target(name: "Scenarios", dependencies: ["LossFunctions", "Charts", "Regression"]),
        // The HTML report: page model, Mustache templates, writing Output/ with the ChartEncoding
        // it is given; `verify` and `diff` in Checks/. Never Cairo. Templates/ (with the report's
        // text, Templates/Content/) is copied into the resource bundle beside the executable.
        .target(
            name: "Report",
            dependencies: [
                "Scenarios", "Charts", "OutputFiles", "SafeText",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("../../Templates")]
        ),
        // The command-line tool: parse, call, print.
        .executableTarget(
            name: "lossplot",
            dependencies: [
                "LossFunctions", "DataFiles", "RunLogs", "RunCharts", "Charts", "CairoBackend", "OutputFiles", "Scenarios", "Report", "SafeText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process timings for `make bench`: loss kernels against a plain sum, CSV parsing.
        .executableTarget(name: "lossplot-bench", dependencies: ["LossFunctions", "DataFiles"]),
        // A deterministic random generator shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LossFunctionsTests", dependencies: ["LossFunctions", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RunLogsTests", dependencies: ["RunLogs", "SafeText", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RunChartsTests", dependencies: ["RunCharts", "RunLogs", "Charts", "CairoBackend", "TestSupport"]),
        .testTarget(name: "DataFilesTests", dependencies: ["DataFiles", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "CairoBackend", "OutputFiles", "SafeText", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RegressionTests", dependencies: ["Regression"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScenariosTests",
            dependencies: ["Scenarios", "Charts", "CairoBackend", "OutputFiles", "LossFunctions", "Regression"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ReportTests", dependencies: ["Report", "OutputFiles", "CairoBackend", "Charts", "Scenarios"]),
        // Runs the built `lossplot` binary: exit codes and the one stderr line for bad input.
        .testTarget(name: "CLITests", dependencies: ["lossplot", "SafeText"]),
    ],
    swiftLanguageModes: [.v5]
)

// libFuzzer harnesses, one per parser (`make fuzz`), only when LOSSPLOT_FUZZ=1: normal builds
// and tests never see them. Each is Fuzz/Harnesses/NAME/main.swift, built as `fuzz-NAME` with
// `-sanitize=fuzzer,address`; the Makefile's fuzz section says how to add one.
if Context.environment["LOSSPLOT_FUZZ"] == "1" {
    let harnesses: [(name: String, dependencies: [Target.Dependency])] = [
        ("csv", ["DataFiles"]),
        ("npy", ["DataFiles"]),
        ("manifest", ["Report", "OutputFiles"]),
        ("png", ["CairoBackend", "OutputFiles"]),
        ("templates", ["Report"]),
        ("jsonl", ["RunLogs", "RunLogFuzzing"]),
        ("losses", ["LossFunctions"]),
    ]
    package.targets += [
        .target(name: "FuzzSupport", path: "Fuzz/Support"),
        .target(name: "RunLogFuzzing", dependencies: ["RunLogs", "FuzzSupport"], path: "Fuzz/RunLogSupport"),
    ]
    package.targets += harnesses.map { harness in
        .executableTarget(
            name: "fuzz-\(harness.name)",
            dependencies: harness.dependencies + ["FuzzSupport"],
            path: "Fuzz/Harnesses/\(harness.name)"
        )
    }
}

/// What a metric's steps count: optimizer steps (iterations, batches) or epochs.
public enum StepAxis: String, Sendable, Codable, CaseIterable {
    case step
    case epoch
}

/// One logged value of a metric, with the x values the logger wrote beside it.
public struct MetricPoint: Sendable, Equatable {
    /// The logger's x: the global step, or the epoch when the logger counts only epochs
    /// (see `Metric.axis`).
    public var step: Int64
    /// The value exactly as logged (float32 values converted exactly).
    public var value: Double
    /// Seconds since the Unix epoch, when the logger recorded it.
    public var wallTime: Double?
    /// The (possibly fractional) epoch, when the logger recorded it beside the step.
    public var epoch: Double?

    public init(step: Int64, value: Double, wallTime: Double? = nil, epoch: Double? = nil) {
        self.step = step
        self.value = value
        self.wallTime = wallTime
        self.epoch = epoch
    }
}

/// A named series of logged values, in the order the logger wrote them.
public struct Metric: Sendable, Equatable {
    /// The logger's name for it (`val_loss`, `train/loss`, `eval_accuracy`).
    public var name: String
    /// What `MetricPoint.step` counts.
    public var axis: StepAxis
    /// The points in the order they were written (steps may repeat or go back).
    public var points: [MetricPoint]

    public init(name: String, axis: StepAxis = .step, points: [MetricPoint] = []) {
        self.name = name
        self.axis = axis
        self.points = points
    }
}

/// The logger a run's files come from.
public enum LogFormat: String, Sendable, Codable, CaseIterable {
    /// TensorBoard event files (`events.out.tfevents.*`): torch, tensorboardX, TensorFlow, Keras.
    case tfevents
    /// Hugging Face Trainer's `trainer_state.json`.
    case trainerState = "trainer_state"
    /// PyTorch Lightning's CSVLogger `metrics.csv` (with `hparams.yaml`).
    case lightning
    /// Keras' CSVLogger.
    case keras
    /// DVCLive's `dvclive/plots/metrics/**/*.tsv` (with `params.yaml`).
    case dvclive
    /// MLflow's file store: `mlruns/<experiment>/<run>/metrics/<key>`.
    case mlflow
    /// JSON Lines: one object per line (MMEngine's `scalars.json` among them).
    case jsonl
    /// Any CSV or TSV with a header.
    case csv

    /// How the format is named to users, in lists of what was looked for.
    public var displayName: String {
        switch self {
        case .tfevents: "tfevents"
        case .trainerState: "trainer_state.json"
        case .lightning: "Lightning metrics.csv"
        case .keras: "Keras CSVLogger"
        case .dvclive: "DVCLive .tsv"
        case .mlflow: "MLflow mlruns"
        case .jsonl: "JSON Lines"
        case .csv: "CSV/TSV"
        }
    }
}

/// One training run: the metrics its logger wrote, where from, and its hyperparameters.
public struct Run: Sendable, Equatable {
    /// The run's name: its folder's path under the folder the user named (TensorBoard's rule),
    /// or the logger's own run name where it records one.
    public var name: String
    /// The logger that wrote it.
    public var format: LogFormat
    /// The files it was read from, sorted.
    public var paths: [String]
    /// Hyperparameters, when the logger wrote them (nested keys joined with `.`).
    public var params: [String: String]
    /// The metrics, in the order of their first point in the logs.
    public var metrics: [Metric]

    public init(name: String, format: LogFormat, paths: [String], params: [String: String] = [:], metrics: [Metric]) {
        self.name = name
        self.format = format
        self.paths = paths
        self.params = params
        self.metrics = metrics
    }

    /// The metric with this name, if the run has it.
    public func metric(named name: String) -> Metric? { metrics.first { $0.name == name } }
}

/// The runs found under the paths a user named, and what was noticed while reading them.
public struct RunSet: Sendable, Equatable {
    /// The runs, in the order of the paths named and, under a folder, by name.
    public var runs: [Run]
    /// Things that did not stop the reading: a truncated last record, an epoch restart.
    public var warnings: [RunLogWarning]

    public init(runs: [Run], warnings: [RunLogWarning] = []) {
        self.runs = runs
        self.warnings = warnings
    }
}

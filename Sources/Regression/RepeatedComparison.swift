import Foundation
import Synchronization

/// A mean over repeated draws with its 95% confidence interval (Student's t, n − 1 degrees of
/// freedom): what one number becomes when an experiment is repeated instead of run once.
public struct IntervalEstimate: Sendable, Equatable, Encodable {
    /// The sample mean.
    public var mean: Double
    /// The ends of the 95% interval for the mean.
    public var low: Double
    public var high: Double

    /// The estimate from `values` (at least two).
    public init(_ values: [Double]) throws {
        let n = values.count
        guard n >= 2 else { throw RegressionError.invalidArgument("an interval needs at least two values, got \(n)") }
        let mean = values.reduce(0, +) / Double(n)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let half = Self.studentT975(degreesOfFreedom: Double(n - 1)) * (variance / Double(n)).squareRoot()
        self.mean = mean
        low = mean - half
        high = mean + half
    }

    /// Student's t quantile at 0.975 from the normal one by the Cornish–Fisher expansion in 1/ν
    /// (Abramowitz & Stegun 26.7.5, four terms): within 1e-9 of the exact value for ν ≥ 30
    /// (t₀.₉₇₅(199) = 1.971956544), within 3e-4 at ν = 5; the only quantile the interval needs.
    static func studentT975(degreesOfFreedom nu: Double) -> Double {
        let z = 1.959963984540054
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        return z + (z3 + z) / (4 * nu)
            + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * nu * nu * nu * nu)
    }
}

/// One model over many draws of the document's experiment: its errors on the clean test
/// points and on the whole test set, how far its line is from the generating one, and how
/// often it beats the ordinary least-squares (MSE) fit of the same draw.
public struct RepeatedModelScore: Sendable, Equatable, Encodable {
    /// The model's label, as in the single-split tables.
    public var name: String
    /// Test MAE and MSE over the test points that are not outliers.
    public var cleanTestMAE: IntervalEstimate
    public var cleanTestMSE: IntervalEstimate
    /// Test MAE over all test points, outliers included (what the document's conclusion used).
    public var testMAE: IntervalEstimate
    /// The fitted slope minus the generating one, and the fitted intercept (the generating
    /// intercept is 0).
    public var slopeError: IntervalEstimate
    public var intercept: IntervalEstimate
    /// This model's clean-test MAE minus the MSE fit's, paired draw by draw (negative: better).
    public var cleanMAEDifference: IntervalEstimate
    /// Draws in which its clean-test MAE, and its clean-test MSE, is below the MSE fit's.
    public var cleanMAEWins: Int
    public var cleanMSEWins: Int
    /// How many draws.
    public var draws: Int
}

/// The document's comparison and the robust fits repeated over many seeds of the same
/// generator (`outlierDataset(seed:)`), so a difference between two models can be told from
/// the luck of one split.
public enum RepeatedComparison {
    /// The seeds the report uses: 200 draws, 0 through 199 (42, the document's, among them).
    public static let reportSeeds: Range<UInt32> = 0..<200

    /// One draw: every model's line and errors.
    struct Draw {
        var names: [String]
        var slopes: [Double], intercepts: [Double]
        var cleanMAE: [Double], cleanMSE: [Double], testMAE: [Double]
        var trueSlope: Double
    }

    static func draw(seed: UInt32) throws -> Draw {
        let data = try outlierDataset(seed: seed)
        let document = try DocumentComparison.scores(for: data)
        // The robust table's own MSE row is the same least-squares line as "Linear (MSE)".
        let robust = try RobustComparison.rows(for: data).filter { $0.name != "MSE" }
        return Draw(
            names: document.map(\.name) + robust.map(\.name),
            slopes: document.map { $0.coefficients[0] } + robust.map(\.slope),
            intercepts: document.map(\.intercept) + robust.map(\.intercept),
            cleanMAE: document.map(\.cleanTestMAE) + robust.map(\.cleanTestMAE),
            cleanMSE: document.map(\.cleanTestMSE) + robust.map(\.cleanTestMSE),
            testMAE: document.map(\.testMAE) + robust.map(\.testMAE),
            trueSlope: data.trueCoefficients[0])
    }

    /// Every model over `seeds`, in the order of the single-split tables (the document's three,
    /// then the robust losses); the first, "Linear (MSE)", is the reference the wins count against.
    /// Draws are computed on all cores; the result does not depend on their order.
    public static func scores(seeds: Range<UInt32> = reportSeeds) throws -> [RepeatedModelScore] {
        let list = Array(seeds)
        let results = DrawSlots(count: list.count)
        DispatchQueue.concurrentPerform(iterations: list.count) { i in
            results.set(i, Result { try draw(seed: list[i]) })
        }
        let draws = try (0..<list.count).map { try results.get($0).get() }
        guard let first = draws.first else { throw RegressionError.invalidArgument("no seeds to repeat the comparison over") }
        return try first.names.indices.map { m in
            let reference = 0
            func column(_ key: KeyPath<Draw, [Double]>) -> [Double] { draws.map { $0[keyPath: key][m] } }
            return RepeatedModelScore(
                name: first.names[m],
                cleanTestMAE: try IntervalEstimate(column(\.cleanMAE)),
                cleanTestMSE: try IntervalEstimate(column(\.cleanMSE)),
                testMAE: try IntervalEstimate(column(\.testMAE)),
                slopeError: try IntervalEstimate(draws.map { $0.slopes[m] - $0.trueSlope }),
                intercept: try IntervalEstimate(column(\.intercepts)),
                cleanMAEDifference: try IntervalEstimate(draws.map { $0.cleanMAE[m] - $0.cleanMAE[reference] }),
                cleanMAEWins: draws.filter { $0.cleanMAE[m] < $0.cleanMAE[reference] }.count,
                cleanMSEWins: draws.filter { $0.cleanMSE[m] < $0.cleanMSE[reference] }.count,
                draws: draws.count)
        }
    }
}

/// The draws' results, one slot each, filled from several threads.
private final class DrawSlots: Sendable {
    private let slots: Mutex<[Result<RepeatedComparison.Draw, any Error>?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ value: Result<RepeatedComparison.Draw, any Error>) { slots.withLock { $0[i] = value } }
    func get(_ i: Int) throws -> Result<RepeatedComparison.Draw, any Error> {
        guard let value = slots.withLock({ $0[i] }) else { throw RegressionError.invalidArgument("draw \(i) was not computed") }
        return value
    }
}

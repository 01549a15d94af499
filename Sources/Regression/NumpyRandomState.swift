import Foundation

/// numpy's legacy `RandomState` streams (`np.random.seed`, `np.random.RandomState(seed)`),
/// bit for bit: `random_sample`, the polar-method `legacy_gauss` with its cached second
/// value, `standard_normal`, `normal`, `uniform`, masked-rejection `randint`, `choice`
/// (uniform, with replacement), `shuffle` and `permutation`.
///
/// A value type: copying it forks the stream.
public struct NumpyRandomState: Sendable, Equatable {
    private var twister: MersenneTwister
    /// The second Gaussian of the last polar pair, returned by the next normal draw.
    public private(set) var cachedGaussian: Double?

    /// `np.random.RandomState(seed)` for an integer seed in `0 ..< 2^32`.
    public init(seed: UInt32) {
        twister = MersenneTwister(seed: seed)
        cachedGaussian = nil
    }

    /// `RandomState.seed(seed)`: resets the twister and drops the cached Gaussian.
    public mutating func seed(_ seed: UInt32) {
        self = NumpyRandomState(seed: seed)
    }

    /// The generator's state vector and position, as `get_state()` shows them.
    public var twisterState: MersenneTwister { twister }

    // MARK: Raw words and doubles

    /// One raw 32-bit word.
    public mutating func nextUInt32() -> UInt32 { twister.next32() }

    /// One raw 64-bit word (two 32-bit words, the first one high).
    public mutating func nextUInt64() -> UInt64 { twister.next64() }

    /// `random_sample()`: a 53-bit double in [0, 1).
    public mutating func randomSample() -> Double { twister.nextDouble() }

    /// `random_sample(count)`.
    public mutating func randomSample(count: Int) -> [Double] {
        (0..<max(count, 0)).map { _ in randomSample() }
    }

    // MARK: Gaussians

    /// `standard_normal()`: numpy's `legacy_gauss` (Marsaglia polar method). Each accepted
    /// pair returns `f * x2` and caches `f * x1` for the next call.
    public mutating func standardNormal() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * randomSample() - 1.0
            x2 = 2.0 * randomSample() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        cachedGaussian = f * x1
        return f * x2
    }

    /// `standard_normal(count)`.
    public mutating func standardNormal(count: Int) -> [Double] {
        (0..<max(count, 0)).map { _ in standardNormal() }
    }

    /// `normal(loc, scale)`: `loc + scale * legacy_gauss`.
    public mutating func normal(loc: Double = 0, scale: Double = 1) -> Double {
        loc + scale * standardNormal()
    }

    /// `normal(loc, scale, count)`.
    public mutating func normal(loc: Double = 0, scale: Double = 1, count: Int) -> [Double] {
        (0..<max(count, 0)).map { _ in normal(loc: loc, scale: scale) }
    }

    // MARK: Uniform

    /// `uniform(low, high)`: `low + (high - low) * random_sample()`.
    public mutating func uniform(low: Double = 0, high: Double = 1) -> Double {
        low + (high - low) * randomSample()
    }

    /// `uniform(low, high, count)`.
    public mutating func uniform(low: Double = 0, high: Double = 1, count: Int) -> [Double] {
        (0..<max(count, 0)).map { _ in uniform(low: low, high: high) }
    }

    // MARK: Integers

    /// numpy's `random_interval(max)`: a uniform integer in `0...max` by masked rejection,
    /// drawing 32-bit words when `max` fits in 32 bits and 64-bit words otherwise.
    /// This is what legacy `shuffle` uses.
    public mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let mask = Self.smallestMask(covering: max)
        if max <= UInt64(UInt32.max) {
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= max { return value }
            }
        }
        while true {
            let value = nextUInt64() & mask
            if value <= max { return value }
        }
    }

    /// Legacy `randint(low, high)`: uniform on `low ..< high`, as numpy's
    /// `random_bounded_uint64_fill` with `use_masked=True` draws it (masked rejection on
    /// 32-bit words for ranges below 2^32 - 1, the raw word for exactly 2^32 - 1, and the
    /// 64-bit equivalents above).
    /// - Throws: `RegressionError.invalidArgument` when `low >= high`.
    public mutating func randint(low: Int, high: Int) throws -> Int {
        guard low < high else {
            throw RegressionError.invalidArgument("randint needs low < high, got \(low) >= \(high)")
        }
        // Inclusive range width high - 1 - low, computed without overflow as a bit pattern.
        let range = UInt64(bitPattern: Int64(high)) &- 1 &- UInt64(bitPattern: Int64(low))
        let offset = UInt64(bitPattern: Int64(low))
        return Int(Int64(bitPattern: offset &+ boundedMasked(range)))
    }

    /// Legacy `randint(low, high, size=count)`.
    public mutating func randint(low: Int, high: Int, count: Int) throws -> [Int] {
        guard low < high else {
            throw RegressionError.invalidArgument("randint needs low < high, got \(low) >= \(high)")
        }
        var values: [Int] = []
        values.reserveCapacity(max(count, 0))
        for _ in 0..<max(count, 0) { values.append(try randint(low: low, high: high)) }
        return values
    }

    /// Legacy `choice(population, size=count)` with replacement and uniform weights:
    /// `population[randint(0, len(population), count)]`.
    /// - Throws: `RegressionError.invalidArgument` for an empty population.
    public mutating func choice<Element>(_ population: [Element], count: Int) throws -> [Element] {
        guard !population.isEmpty else {
            throw RegressionError.invalidArgument("choice needs a non-empty population")
        }
        return try randint(low: 0, high: population.count, count: count).map { population[$0] }
    }

    /// Legacy `shuffle(array)` of a 1-D array: Fisher–Yates from the end,
    /// `for i in reversed(1..<n): j = random_interval(i); swap(a[i], a[j])`.
    public mutating func shuffle<Element>(_ array: inout [Element]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, through: 1, by: -1) {
            let j = Int(interval(UInt64(i)))
            array.swapAt(i, j)
        }
    }

    /// Legacy `permutation(n)`: `arange(n)` shuffled. A negative `n` gives an empty array.
    public mutating func permutation(_ n: Int) -> [Int] {
        var indices = Array(0..<max(n, 0))
        shuffle(&indices)
        return indices
    }

    // MARK: Helpers

    private mutating func boundedMasked(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        if range <= UInt64(UInt32.max) {
            if range == UInt64(UInt32.max) { return UInt64(nextUInt32()) }
            let mask = Self.smallestMask(covering: range)
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= range { return value }
            }
        }
        if range == UInt64.max { return nextUInt64() }
        let mask = Self.smallestMask(covering: range)
        while true {
            let value = nextUInt64() & mask
            if value <= range { return value }
        }
    }

    /// The smallest all-ones bit mask `>= value` (numpy's `gen_mask`).
    static func smallestMask(covering value: UInt64) -> UInt64 {
        var mask = value
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        mask |= mask >> 32
        return mask
    }
}

import Testing
@testable import Regression

/// numpy's legacy RandomState(42) streams, value for value (bit-exact where numpy's own
/// arithmetic is the same IEEE operations).
@Suite struct RandomStreamTests {
    let fixture: RandomStreams
    init() throws { fixture = try Fixture.streams() }

    @Test func seedingMatchesNumpysStateVector() {
        let twister = MersenneTwister(seed: fixture.seed)
        #expect(Array(twister.key.prefix(8)) == fixture.state_key_first)
        #expect(Array(twister.key.suffix(4)) == fixture.state_key_last)
    }

    @Test func rawWords() {
        var state = NumpyRandomState(seed: fixture.seed)
        #expect((0..<fixture.uint32_first.count).map { _ in state.nextUInt32() } == fixture.uint32_first)
    }

    @Test func randomSampleIsBitExact() {
        var state = NumpyRandomState(seed: fixture.seed)
        #expect(state.randomSample(count: fixture.random_sample_first.count) == fixture.random_sample_first)
    }

    @Test func standardNormalIncludingCachedValue() {
        var state = NumpyRandomState(seed: fixture.seed)
        let values = state.standardNormal(count: fixture.standard_normal_first.count)
        #expect(values == fixture.standard_normal_first)
        // Odd count: the second value of the last pair is cached.
        #expect(state.cachedGaussian != nil)
    }

    @Test func cachedGaussianSurvivesAcrossCalls() {
        var state = NumpyRandomState(seed: fixture.seed)
        let values = [state.standardNormal()] + state.standardNormal(count: 3)
        #expect(maxAbsDifference(values, fixture.standard_normal_split_calls) <= 1e-15)
    }

    @Test func reseedDropsCachedGaussian() {
        var state = NumpyRandomState(seed: fixture.seed)
        _ = state.standardNormal()
        #expect(state.cachedGaussian != nil)
        state.seed(fixture.seed)
        #expect(state.cachedGaussian == nil)
        #expect(maxAbsDifference(state.standardNormal(count: 3), fixture.standard_normal_after_reseed) <= 1e-15)
    }

    @Test func randomSampleDoesNotTouchTheGaussianCache() {
        var state = NumpyRandomState(seed: fixture.seed)
        _ = state.standardNormal()
        let u = state.randomSample()
        let n = state.standardNormal()
        #expect(u == fixture.normal_sample_normal[0])
        #expect(abs(n - fixture.normal_sample_normal[1]) <= 1e-15)
    }

    @Test func normalAndUniform() {
        var state = NumpyRandomState(seed: fixture.seed)
        #expect(state.normal(loc: 3, scale: 10, count: 5) == fixture.normal_loc3_scale10)
        state = NumpyRandomState(seed: fixture.seed)
        #expect(state.uniform(count: 5) == fixture.uniform_first)
        state = NumpyRandomState(seed: fixture.seed)
        #expect(state.uniform(low: -2, high: 5, count: 5) == fixture.uniform_m2_5)
    }

    @Test(arguments: [
        (0, 2, \RandomStreams.randint_0_2),
        (0, 10, \RandomStreams.randint_0_10),
        (-5, 37, \RandomStreams.randint_m5_37),
        (0, 1 << 40, \RandomStreams.randint_0_2p40),
        (-(1 << 62), 1 << 62, \RandomStreams.randint_pm2p62),
    ])
    func randint(low: Int, high: Int, expected: any KeyPath<RandomStreams, [Int]> & Sendable) throws {
        var state = NumpyRandomState(seed: fixture.seed)
        let want = fixture[keyPath: expected]
        #expect(try state.randint(low: low, high: high, count: want.count) == want)
    }

    @Test func randintRejectsEmptyRange() {
        var state = NumpyRandomState(seed: 1)
        #expect(throws: RegressionError.self) { try state.randint(low: 3, high: 3) }
        #expect(throws: RegressionError.self) { try state.choice([Double](), count: 1) }
    }

    @Test func choiceFromAFreshAndTheGlobalStream() throws {
        var state = NumpyRandomState(seed: fixture.seed)
        #expect(try state.choice([-100, 100], count: 5) == fixture.choice_pm100_5)
        var global = NumpyRandomState(seed: 42)
        #expect(try global.choice([-100, 100], count: 5) == fixture.global_choice_pm100_5)
    }

    @Test func permutationAndShuffle() {
        var state = NumpyRandomState(seed: fixture.seed)
        #expect(state.permutation(10) == fixture.permutation_10)
        state = NumpyRandomState(seed: fixture.seed)
        #expect(state.permutation(100) == fixture.permutation_100)
        state = NumpyRandomState(seed: fixture.seed)
        var array = Array(0..<7)
        state.shuffle(&array)
        #expect(array == fixture.shuffle_arange_7)
    }

    @Test func intervalStaysInRange() {
        var state = NumpyRandomState(seed: 7)
        for bound in [UInt64(0), 1, 2, 5, 1 << 31, UInt64(UInt32.max), UInt64(UInt32.max) + 1, UInt64.max] {
            for _ in 0..<50 { #expect(state.interval(bound) <= bound) }
        }
    }
}

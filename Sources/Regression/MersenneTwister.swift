/// The 32-bit Mersenne Twister (MT19937) exactly as numpy's legacy `RandomState` runs it.
///
/// Seeding with an integer follows numpy's `_legacy_seeding` for an int seed in
/// `0 ..< 2^32`: `mt19937_seed`, i.e. Matsumoto–Nishimura's `init_genrand`
/// (`key[0] = seed; key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >> 30)) + i`),
/// not `init_by_array`. Output words are tempered as in the reference implementation.
public struct MersenneTwister: Sendable, Equatable {
    /// Number of 32-bit words in the state vector.
    public static let stateLength = 624
    private static let middle = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    /// The state vector (numpy's `get_state()[1]`).
    public private(set) var key: [UInt32]
    /// Position of the next word in `key`; `stateLength` means "regenerate first".
    public private(set) var position: Int

    /// Seeds the generator as `np.random.RandomState(seed)` does for an integer seed.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateLength)
        var value = seed
        for index in 0..<Self.stateLength {
            key[index] = value
            value = 1_812_433_253 &* (value ^ (value >> 30)) &+ UInt32(index + 1)
        }
        self.key = key
        self.position = Self.stateLength
    }

    /// The next tempered 32-bit word (numpy's `mt19937_next32`).
    public mutating func next32() -> UInt32 {
        if position >= Self.stateLength { regenerate() }
        var y = key[position]
        position += 1
        y ^= (y >> 11)
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= (y >> 18)
        return y
    }

    /// A 64-bit word from two 32-bit words, the first one high (numpy's `mt19937_next64`).
    public mutating func next64() -> UInt64 {
        let high = UInt64(next32())
        let low = UInt64(next32())
        return (high << 32) | low
    }

    /// numpy's 53-bit double in [0, 1): `((a >> 5) * 67108864 + (b >> 6)) / 9007199254740992`.
    public mutating func nextDouble() -> Double {
        let a = Double(next32() >> 5)
        let b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    private mutating func regenerate() {
        let n = Self.stateLength
        let m = Self.middle
        for index in 0..<n {
            let y = (key[index] & Self.upperMask) | (key[(index + 1) % n] & Self.lowerMask)
            let mag: UInt32 = (y & 1) == 0 ? 0 : Self.matrixA
            key[index] = key[(index + m) % n] ^ (y >> 1) ^ mag
        }
        position = 0
    }
}

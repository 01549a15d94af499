#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tags met in one run's event files, each with its plugin and its points, found again from
/// the bytes of a tag in a record: the tag after the last one found is tried first (writers log
/// their tags in turn), so most points cost neither a string nor a hash. Kept as parallel arrays
/// so that a point's way in touches no reference but its own series.
struct EventFileTags {
    /// What a tag's values are, from the plugin named in the first metadata written for it
    /// (TensorBoard keeps the first: later values may carry none).
    enum Plugin {
        case unknown, scalars, hparams, other

        init(_ name: UnsafeRawBufferPointer) {
            if name.elementsEqual("scalars".utf8) { self = .scalars }
            else if name.elementsEqual("hparams".utf8) { self = .hparams }
            else { self = .other }
        }
    }

    /// Every tag's bytes, one after another, and where each lies.
    private var tagBytes: [UInt8] = []
    private var spans: [Range<Int>] = []
    /// Each tag's name, plugin, points, the run's point count at its first point (metrics are
    /// listed in that order), and whether a value of it that is not a number has been reported.
    private(set) var names: [String] = []
    private(set) var plugins: [Plugin] = []
    private var points: [[MetricPoint]] = []
    private var firstPoint: [Int] = []
    private var warned: [Bool] = []
    private var byName: [String: Int] = [:]
    private var last = -1
    private var pointCount = 0

    /// Whether tag `index` is the bytes `other`.
    private func matches(_ index: Int, _ other: UnsafeRawBufferPointer) -> Bool {
        let span = spans[index]
        guard span.count == other.count else { return false }
        guard let theirs = other.baseAddress else { return true }
        return tagBytes.withUnsafeBytes { mine in mine.baseAddress.map { memcmp($0 + span.lowerBound, theirs, span.count) == 0 } ?? false }
    }

    /// The index of the tag whose name is `range` of `buffer`, added when new.
    mutating func index(of range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Int {
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[range])
        let next = last + 1 < spans.count ? last + 1 : 0
        if next < spans.count, matches(next, bytes) {
            last = next
            return next
        }
        if last >= 0, matches(last, bytes) { return last }
        // Bytes that are not UTF-8 may decode to another tag's name: such a tag gets the name
        // with U+FFFD added until it is unique.
        var name = String(decoding: bytes, as: UTF8.self)
        while let found = byName[name] {
            if matches(found, bytes) {
                last = found
                return found
            }
            name += "\u{FFFD}"
        }
        byName[name] = spans.count
        spans.append(tagBytes.count..<tagBytes.count + bytes.count)
        tagBytes.append(contentsOf: bytes)
        names.append(name)
        plugins.append(.unknown)
        points.append([])
        firstPoint.append(0)
        warned.append(false)
        last = spans.count - 1
        return last
    }

    /// Records the plugin named for tag `index`, unless one was recorded before.
    mutating func notePlugin(_ name: UnsafeRawBufferPointer, for index: Int) {
        if plugins[index] == .unknown { plugins[index] = Plugin(name) }
    }

    /// Appends a point to tag `index`; `progress` is how much of the file being read is behind
    /// (0 to 1). A long series about to grow is given room for the rest of the file at the rate
    /// it has grown so far, so that its points are copied (and their pages touched) once or twice
    /// rather than at every doubling.
    mutating func append(_ point: MetricPoint, to index: Int, progress: Double) {
        let count = points[index].count
        if count == 0 { firstPoint[index] = pointCount }
        if count >= 1024, count == points[index].capacity, progress > 0, progress < 1 {
            let expected = Double(count) / progress * 1.02 + 64
            points[index].reserveCapacity(max(count + count / 4, Int(min(expected, 1e9))))
        }
        points[index].append(point)
        pointCount += 1
    }

    /// Marks tag `index` as reported; true the first time.
    mutating func markWarned(_ index: Int) -> Bool {
        defer { warned[index] = true }
        return !warned[index]
    }

    /// The tags that have points, as metrics counted in steps, in the order of their first point.
    var metrics: [Metric] {
        points.indices.filter { !points[$0].isEmpty }
            .sorted { firstPoint[$0] < firstPoint[$1] }
            .map { Metric(name: names[$0], axis: .step, points: points[$0]) }
    }
}

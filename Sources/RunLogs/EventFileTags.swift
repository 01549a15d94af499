#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tags met in one run's event files, each with its plugin and its points, found again from
/// the bytes of a tag in a record: the tag after the last one found is tried first (writers log
/// their tags in turn), so most points cost neither a string nor a hash.
struct EventFileTags {
    /// Whether `a` and `b` hold the same bytes.
    static func same(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let bBase = b.baseAddress else { return true }
        return a.withUnsafeBytes { $0.baseAddress.map { memcmp($0, bBase, b.count) == 0 } ?? false }
    }

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

    struct Tag {
        let bytes: [UInt8]
        let name: String
        var plugin = Plugin.unknown
        var points: [MetricPoint] = []
        /// When its first point came, among all the run's points (metrics are listed in that order).
        var firstPoint = 0
        /// Whether a value of it that could not be read as a number has been reported.
        var warned = false
    }

    private(set) var tags: [Tag] = []
    private var byName: [String: Int] = [:]
    private var last = -1
    private var pointCount = 0

    /// The index of the tag whose name is `range` of `buffer`, added when new.
    mutating func index(of range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Int {
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[range])
        let next = last + 1 < tags.count ? last + 1 : 0
        if next < tags.count, Self.same(tags[next].bytes, bytes) {
            last = next
            return next
        }
        if last >= 0, Self.same(tags[last].bytes, bytes) { return last }
        // Bytes that are not UTF-8 may decode to another tag's name: such a tag gets the name
        // with U+FFFD added until it is unique.
        var name = String(decoding: bytes, as: UTF8.self)
        while let found = byName[name] {
            if Self.same(tags[found].bytes, bytes) {
                last = found
                return found
            }
            name += "\u{FFFD}"
        }
        byName[name] = tags.count
        tags.append(Tag(bytes: Array(bytes), name: name))
        last = tags.count - 1
        return last
    }

    /// Records the plugin named for tag `index`, unless one was recorded before.
    mutating func notePlugin(_ name: UnsafeRawBufferPointer, for index: Int) {
        if tags[index].plugin == .unknown { tags[index].plugin = Plugin(name) }
    }

    mutating func append(_ point: MetricPoint, to index: Int) {
        if tags[index].points.isEmpty { tags[index].firstPoint = pointCount }
        tags[index].points.append(point)
        pointCount += 1
    }

    /// Marks tag `index` as reported; true the first time.
    mutating func markWarned(_ index: Int) -> Bool {
        defer { tags[index].warned = true }
        return !tags[index].warned
    }

    /// The tags that have points, as metrics counted in steps, in the order of their first point.
    var metrics: [Metric] {
        tags.filter { !$0.points.isEmpty }
            .sorted { $0.firstPoint < $1.firstPoint }
            .map { Metric(name: $0.name, axis: .step, points: $0.points) }
    }
}

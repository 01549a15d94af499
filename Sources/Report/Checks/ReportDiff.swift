import Foundation
import OutputFiles

/// `lossplot diff`: the charts of two report folders compared on their decoded PNG pixels, with
/// matplotlib's `compare_images` rule (RMS over the colour channels on 0...255, `ImageComparison`)
/// and pytest-mpl's default tolerance. Charts are matched by scenario id through each folder's
/// manifest; a chart only one folder has is added or removed, and one with no PNG on both sides is
/// reported as not compared. PNG files are decoded, and the difference image encoded, by the
/// `PNGCoding` it is given (the command line gives it Cairo's).
public struct ReportDiff: Sendable {
    /// pytest-mpl's default RMS tolerance.
    public static let defaultTolerance = 2.0

    /// A chart's width and height in pixels.
    public struct PixelSize: Sendable, Equatable, CustomStringConvertible {
        public let width: Int
        public let height: Int
        public var description: String { "\(width)x\(height)" }
    }

    /// What became of one chart.
    public enum Outcome: Sendable, Equatable {
        /// Within the tolerance (0 for identical files).
        case same(rms: Double)
        /// Over the tolerance.
        case changed(rms: Double)
        case sizeChanged(from: PixelSize, to: PixelSize)
        case added
        case removed
        /// Present on both sides, but not as PNG on both.
        case notCompared(reason: String)
        /// A listed PNG that is missing or does not decode.
        case unreadable(reason: String)

        /// Whether this outcome makes `lossplot diff` exit 1.
        public var isFailure: Bool {
            switch self {
            case .same, .notCompared: return false
            case .changed, .sizeChanged, .added, .removed, .unreadable: return true
            }
        }

        public var isNotCompared: Bool {
            if case .notCompared = self { return true } else { return false }
        }
    }

    /// One chart's comparison, with the images the summary page shows.
    public struct Chart: Sendable {
        public let id: String
        public let outcome: Outcome
        /// PNG bytes, kept for the page when the chart changed, was resized, added or removed.
        public let baselinePNG: [UInt8]?
        public let newPNG: [UInt8]?
        /// |new − baseline| × 10, for a chart over the tolerance.
        public let diffPNG: [UInt8]?

        init(id: String, outcome: Outcome, baselinePNG: [UInt8]? = nil, newPNG: [UInt8]? = nil, diffPNG: [UInt8]? = nil) {
            self.id = id; self.outcome = outcome; self.baselinePNG = baselinePNG; self.newPNG = newPNG; self.diffPNG = diffPNG
        }
    }

    public let baseline: String
    public let new: String
    public let tolerance: Double
    /// Sorted by scenario id.
    public let charts: [Chart]
    /// Why no chart was compared: a self-contained folder, when `allowingSelfContained`.
    public let chartsNotCompared: String?

    /// Compares the charts of two report folders, decoding and encoding PNG with `pngCodec`.
    /// Throws one line when either folder is not a readable report, or is self-contained and not
    /// `allowingSelfContained` (then no chart is compared, and `chartsNotCompared` says why: the
    /// caller compares what else the folders hold, as the numbers of two reports of runs).
    public init(baseline: String, new: String, tolerance: Double = ReportDiff.defaultTolerance, pngCodec: any PNGCoding,
                allowingSelfContained: Bool = false) throws {
        self.baseline = baseline
        self.new = new
        self.tolerance = tolerance
        if allowingSelfContained, let single = try [baseline, new].first(where: { try ReportManifest(readingFolder: $0).selfContained }) {
            charts = []
            chartsNotCompared = "\(single) is self-contained: its charts are inside index.html"
            return
        }
        chartsNotCompared = nil
        let old = try ChartFiles(folder: baseline), now = try ChartFiles(folder: new)
        let ids = Set(old.byScenario.keys).union(now.byScenario.keys).sorted()
        charts = try ids.map { id in try Self.compare(id, old, now, tolerance: tolerance, codec: pngCodec) }
    }

    public var failures: [Chart] { charts.filter { $0.outcome.isFailure } }

    /// One line for a chart: "changed: mse-vs-mae (RMS 7.312 > 2)".
    public static func line(_ chart: Chart, tolerance: Double) -> String {
        switch chart.outcome {
        case .same(let rms): return "same: \(chart.id)" + (rms > 0 ? " (RMS \(format(rms)) ≤ \(format(tolerance)))" : "")
        case .changed(let rms): return "changed: \(chart.id) (RMS \(format(rms)) > \(format(tolerance)))"
        case let .sizeChanged(from, to): return "size changed: \(chart.id) (\(from) → \(to) pixels)"
        case .added: return "added: \(chart.id)"
        case .removed: return "removed: \(chart.id)"
        case .notCompared(let reason): return "not compared: \(chart.id) (\(reason))"
        case .unreadable(let reason): return "unreadable: \(chart.id) (\(reason))"
        }
    }

    /// The last line: how many charts, and how many of them need a look.
    public var summary: String {
        if let chartsNotCompared { return "\(new): charts not compared (\(chartsNotCompared))" }
        let failed = failures.count
        let notCompared = charts.filter(\.outcome.isNotCompared).count
        var text = failed == 0
            ? "\(new): no chart differs from \(baseline) (\(charts.count) chart\(charts.count == 1 ? "" : "s"), tolerance RMS \(Self.format(tolerance)))"
            : "\(new): \(failed) of \(charts.count) chart\(charts.count == 1 ? "" : "s") differ from \(baseline) (tolerance RMS \(Self.format(tolerance)))"
        if notCompared > 0 { text += "; \(notCompared) not compared (no PNG)" }
        return text
    }

    /// A short decimal: 2, 0.5, 7.312.
    static func format(_ x: Double) -> String {
        var s = String(format: "%.3f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    private static func compare(_ id: String, _ old: ChartFiles, _ now: ChartFiles, tolerance: Double, codec: any PNGCoding) throws -> Chart {
        let before = old.byScenario[id], after = now.byScenario[id]
        guard let before else {
            guard after?["png"] != nil else { return Chart(id: id, outcome: .added) }
            do { return Chart(id: id, outcome: .added, newPNG: try now.png(id)) } catch let e as ReportError {
                return Chart(id: id, outcome: .unreadable(reason: e.description))
            }
        }
        guard let after else {
            guard before["png"] != nil else { return Chart(id: id, outcome: .removed) }
            do { return Chart(id: id, outcome: .removed, baselinePNG: try old.png(id)) } catch let e as ReportError {
                return Chart(id: id, outcome: .unreadable(reason: e.description))
            }
        }
        guard before["png"] != nil, after["png"] != nil else {
            let reason = before["png"] == nil && after["png"] == nil
                ? "no PNG, only \(Set(before.keys).union(after.keys).sorted().joined(separator: ", "))"
                : "PNG only in \(before["png"] == nil ? now.folder : old.folder)"
            return Chart(id: id, outcome: .notCompared(reason: reason))
        }
        let a: [UInt8], b: [UInt8]
        do {
            a = try old.png(id)
            b = try now.png(id)
        } catch let e as ReportError {
            return Chart(id: id, outcome: .unreadable(reason: e.description))
        }
        if a == b { return Chart(id: id, outcome: .same(rms: 0)) }
        // Decoding checks the size a PNG declares first: one too large to decode is refused
        // before anything is allocated for it (`PNGImage.maxPixels`).
        let expected: PNGImage, actual: PNGImage
        do { expected = try codec.decode(a) } catch {
            return Chart(id: id, outcome: .unreadable(reason: "\(old.path(id, "png")): \(error)"))
        }
        do { actual = try codec.decode(b) } catch {
            return Chart(id: id, outcome: .unreadable(reason: "\(now.path(id, "png")): \(error)"))
        }
        let from = PixelSize(width: expected.width, height: expected.height)
        let to = PixelSize(width: actual.width, height: actual.height)
        guard from == to else {
            return Chart(id: id, outcome: .sizeChanged(from: from, to: to), baselinePNG: a, newPNG: b)
        }
        let comparison: ImageComparison
        do { comparison = try ImageComparison(actual: actual, expected: expected) } catch {
            return Chart(id: id, outcome: .unreadable(reason: "\(error)"))
        }
        guard comparison.rms > tolerance else {
            return Chart(id: id, outcome: .same(rms: comparison.rms))
        }
        let diff: [UInt8]
        do { diff = try codec.encode(comparison.diffImage()) } catch { throw ReportError("cannot draw the difference image of \(id): \(error)") }
        return Chart(id: id, outcome: .changed(rms: comparison.rms), baselinePNG: a, newPNG: b, diffPNG: diff)
    }
}

/// A report folder's charts as its manifest lists them: chart id (the scenario id, and
/// `.LANG` for a file drawn for one language) → format → path.
private struct ChartFiles {
    /// The largest chart file read: a PNG at `PNGImage.maxPixels`, uncompressed, is 716 MB.
    static let maxBytes = 1 << 30

    let folder: String
    let byScenario: [String: [String: String]]

    init(folder: String) throws {
        self.folder = folder
        let manifest = try ReportManifest(readingFolder: folder)
        guard !manifest.selfContained else {
            throw ReportError("\(folder) is a self-contained report: its charts are inside index.html, and diff compares the files in charts/ (write both reports without \(option: .selfContained))")
        }
        var map: [String: [String: String]] = [:]
        for entry in manifest.files {
            guard let scenario = entry.scenario, let format = entry.format else { continue }
            // A chart drawn differently per language is one chart per language: "huber.en".
            // The narrow and dark renderings are drawn from the same figure as the chart itself:
            // diff compares the chart as built, the one offered for download.
            guard entry.variant == nil else { continue }
            map[entry.language.map { "\(scenario).\($0)" } ?? scenario, default: [:]][format.lowercased()] = entry.path
        }
        byScenario = map
    }

    func path(_ id: String, _ format: String) -> String {
        (folder as NSString).appendingPathComponent(byScenario[id]?[format] ?? "")
    }

    /// The chart's PNG bytes; a ReportError naming the file when it is not listed, not a regular
    /// file inside the folder (a symbolic link is never followed), or not readable.
    func png(_ id: String) throws -> [UInt8] {
        guard let relative = byScenario[id]?["png"] else { throw ReportError("\(folder) lists no PNG for \(id)") }
        let file = path(id, "png")
        switch FolderFile.read(relative, in: folder, maxBytes: Self.maxBytes) {
        case .success(let bytes): return bytes
        case .failure(.missing): throw ReportError("\(file) is missing")
        case .failure(.notRegular(let what)): throw ReportError("\(file) is \(what), not a regular file")
        case .failure(let failure): throw ReportError("cannot read \(file): \(failure)")
        }
    }
}

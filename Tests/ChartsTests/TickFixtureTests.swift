@testable import LossPlotCharts
import Foundation
import Testing

/// One row of Fixtures/ticks.tsv (made by make_tick_fixtures.py with matplotlib).
struct TickCase: CustomStringConvertible, Sendable {
    let vmin: Double, vmax: Double, nbins: Int
    let ticks: [Double]
    let viewLow: Double, viewHigh: Double
    let labels: [String]
    let offset: String
    var description: String { "[\(vmin), \(vmax)] nbins \(nbins)" }

    static func load() throws -> [TickCase] {
        guard let url = Bundle.module.url(forResource: "ticks", withExtension: "tsv", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 8, let a = Double(f[0]), let b = Double(f[1]), let n = Int(f[2]),
                  let lo = Double(f[4]), let hi = Double(f[5]) else { return nil }
            return TickCase(vmin: a, vmax: b, nbins: n, ticks: f[3].split(separator: " ").compactMap { Double($0) },
                            viewLow: lo, viewHigh: hi, labels: f[6].isEmpty ? [] : f[6].components(separatedBy: "|"), offset: f[7])
        }
    }
}

@Suite struct TickFixtureTests {
    let cases: [TickCase]
    init() throws { cases = try TickCase.load() }

    @Test func fixtureCoversManyCases() {
        #expect(cases.count >= 300)
    }

    @Test func locatorMatchesMatplotlibMaxNLocator() {
        var matched = 0
        for c in cases {
            let got = TickLocator(maxBins: c.nbins).ticks(c.vmin, c.vmax)
            let same = got.count == c.ticks.count && zip(got, c.ticks).allSatisfy { a, b in
                a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
            }
            if same { matched += 1 } else { Issue.record("\(c): got \(got), matplotlib \(c.ticks)") }
        }
        print("ticks matched \(matched)/\(cases.count) matplotlib cases")
    }

    @Test func formatterMatchesMatplotlibScalarFormatter() {
        var matched = 0
        for c in cases {
            // The strategies as an axis uses them: the locator's ticks, then the formatter's text.
            let space = TickSpace(length: 400, fontSize: 10, vertical: false)
            let located = TickLocator(maxBins: c.nbins).locate(lower: c.viewLow, upper: c.viewHigh, space: space)
            let text = ScalarTickFormatter().labels(for: located, lower: c.viewLow, upper: c.viewHigh)
            if text.labels == c.labels && (text.offset ?? "") == c.offset {
                matched += 1
            } else {
                Issue.record("\(c): got \(text.labels) '\(text.offset ?? "")', matplotlib \(c.labels) '\(c.offset)'")
            }
        }
        print("labels matched \(matched)/\(cases.count) matplotlib cases")
    }

    @Test func labelsHaveNoFloatNoiseAndARealMinus() {
        let f = ScalarTickFormat(ticks: [-0.2, 0, 0.1, 0.2, 0.30000000000000004], viewMin: -0.2, viewMax: 0.3)
        #expect(f.label(0.30000000000000004) == "0.3")
        #expect(f.label(-0.2) == "\u{2212}0.2")
    }

    @Test func logLabelsArePowersOfTen() {
        #expect(LogTickFormatter.label(1000) == "10³")
        #expect(LogTickFormatter.label(0.01) == "10⁻²")
        #expect(LogTickLocator().ticks(0.05, 2000) == [0.01, 0.1, 1, 10, 100, 1000, 10000])
        #expect(LogTickFormatter.label(0.3) == "3×10⁻¹")
        #expect(LogTickFormatter.label(0.6) == "6×10⁻¹")
        #expect(LogTickFormatter.label(0.1) == "10⁻¹")
    }

    @Test func logAxisHasMatplotlibsMinorTicks() {
        // matplotlib 3.x, semilogy of a training log with view (0.0042454, 2.9627):
        // ax.yaxis.get_minorticklocs() inside the view.
        let v = AxisView(data: [], fixed: 0.004245384007810472...2.9627153426986323, scale: .log, length: 300, fontSize: 10, vertical: true)
        let matplotlib = [0.005, 0.006, 0.007, 0.008, 0.009, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09,
                          0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2.0]
        #expect(v.ticks == [0.01, 0.1, 1])
        #expect(v.minorTicks.count == matplotlib.count)
        for (ours, theirs) in zip(v.minorTicks, matplotlib) { #expect(abs(ours - theirs) <= 1e-12 * theirs) }
        // Over ten decades matplotlib draws none; a linear axis has none.
        #expect(AxisView(data: [], fixed: 1e-6...1e6, scale: .log, length: 300, fontSize: 10, vertical: true).minorTicks.isEmpty)
        #expect(AxisView(data: [1, 2], fixed: nil, scale: .linear, length: 300, fontSize: 10, vertical: true).minorTicks.isEmpty)
        // Within a decade the labelled multiples are major ticks and are not repeated as minor ones.
        let narrow = AxisView(data: [0.3, 0.91], fixed: nil, scale: .log, length: 300, fontSize: 10, vertical: true)
        #expect(Set(narrow.ticks).isDisjoint(with: narrow.minorTicks))
    }

    @Test func logAxisWithinOneDecadeLabelsItsMultiples() {
        let v = AxisView(data: [0.3, 0.91], fixed: nil, scale: .log, length: 300, fontSize: 10, vertical: true)
        #expect(v.ticks == [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].filter { $0 >= v.lower && $0 <= v.upper })
        #expect(v.labels.first == "3×10⁻¹")
    }
}

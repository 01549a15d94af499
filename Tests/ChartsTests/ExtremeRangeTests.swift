import LossPlotCairo
@testable import LossPlotCharts
import Foundation
import Testing

/// Holds a result across threads; the semaphore in `finishing` orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// `body`'s result, or nil when it has not returned after `seconds`: a test of code that once
/// looped forever fails instead of stalling the run (the stuck thread ends with the process).
func finishing<T>(within seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    Thread {
        box.value = body()
        done.signal()
    }.start()
    return done.wait(timeout: .now() + seconds) == .success ? box.value : nil
}

/// Data near the ends of Float64, where the 5% margins, the tick steps and the tick past each end
/// overflow: every axis still gets finite limits around the data, a bounded number of readable
/// ticks, and a place for every point; the locator stays bounded for any input at all.
@Suite struct ExtremeRangeTests {
    static let maximum = Double.greatestFiniteMagnitude
    static let hostileValues: [Double] = [0, 0x1p-1074, -0x1p-1074, 1e-300, 1, -1, 1e300, -1e300, 8.9e307, -8.9e307, 1e308, -1e308,
                                          1.7e308, -1.7e308, maximum, -maximum, .infinity, -.infinity, .nan]

    @Test func theLocatorReturnsFewFiniteAscendingTicksForAnyInterval() throws {
        let locators = [TickLocator(), TickLocator(maxBins: 1), TickLocator(maxBins: 0), TickLocator(maxBins: -3),
                        TickLocator(steps: []), TickLocator(steps: [.nan, -1, 0]), TickLocator(minTicks: 50)]
        let all = try #require(finishing(within: 60) { () -> [(TickLocator, Double, Double, [Double])] in
            var results: [(TickLocator, Double, Double, [Double])] = []
            for locator in locators {
                for a in ExtremeRangeTests.hostileValues {
                    for b in ExtremeRangeTests.hostileValues { results.append((locator, a, b, locator.ticks(a, b))) }
                }
            }
            return results
        }, "TickLocator.ticks did not return within a minute")
        for (locator, a, b, ticks) in all {
            let context = "\(locator.maxBins) bins, steps \(locator.steps), [\(a), \(b)]: \(ticks)"
            #expect(ticks.count <= 1000, "\(context)")
            #expect(ticks.allSatisfy { $0.isFinite }, "\(context)")
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0 < $1 }, "\(context)")
            // Intervals within 2.2e-288 of 0 are ticked as [-1e-13, 1e-13], as matplotlib's nonsingular does.
            if a.isFinite && b.isFinite && a != b && max(abs(a), abs(b)) > 1e-280 && locator.maxBins == 9 && locator.minTicks == 2 {
                let lo = min(a, b), hi = max(a, b)
                #expect(ticks.filter { $0 >= lo && $0 <= hi }.count >= 2, "\(context)")
            }
        }
    }

    @Test func theLogLocatorIsBoundedToo() {
        for maxTicks in [9, 1, 0, -1] {
            for a in ExtremeRangeTests.hostileValues {
                for b in ExtremeRangeTests.hostileValues {
                    let ticks = LogTickLocator(maxTicks: maxTicks).ticks(a, b)
                    #expect(ticks.count <= 700 && ticks.allSatisfy { $0.isFinite && $0 > 0 }, "\(maxTicks): [\(a), \(b)]")
                }
            }
        }
    }

    static let extremeData: [[Double]] = [
        [8.9e307, -8.9e307], [1.7e308, 1e307], [1e308, -1e308], [maximum, -maximum], [maximum, maximum], [-maximum],
        [1.7e308, 1.7e308 * (1 + 4e-16)], [maximum, 1.7e308], [1e307, 2e307, 3e307], [0x1p-1074, -0x1p-1074],
    ]

    @Test(arguments: extremeData)
    func aLinearAxisFramesTheDataWithReadableTicks(_ data: [Double]) throws {
        let view = try #require(finishing(within: 60) {
            AxisView(data: data, fixed: nil, scale: .linear, length: 300, fontSize: 10, vertical: true)
        }, "AxisView did not return within a minute for \(data)")
        #expect(view.lower.isFinite && view.upper.isFinite && view.lower < view.upper, "\(data): [\(view.lower), \(view.upper)]")
        #expect(data.allSatisfy { $0 >= view.lower && $0 <= view.upper }, "\(data): [\(view.lower), \(view.upper)]")
        #expect((2...12).contains(view.ticks.count), "\(data): ticks \(view.ticks)")
        #expect(view.ticks.allSatisfy { $0.isFinite && $0 >= view.lower && $0 <= view.upper }, "\(data): ticks \(view.ticks)")
        #expect(Set(view.labels).count == view.labels.count, "\(data): labels \(view.labels) \(view.offsetLabel ?? "")")
        for d in data {
            let f = view.fraction(d)
            #expect(f >= 0 && f <= 1, "\(data): \(d) at \(f)")
        }
        #expect(view.fraction(view.lower) == 0 && view.fraction(view.upper) == 1)
    }

    static let extremeLogData: [[Double]] = [
        [1e308], [maximum], [0x1p-1074], [0x1p-1074, maximum], [1e-300, 1e300], [1e307, 1.7e308],
    ]

    @Test(arguments: extremeLogData)
    func aLogAxisFramesTheDataToo(_ data: [Double]) throws {
        let view = try #require(finishing(within: 60) {
            AxisView(data: data, fixed: nil, scale: .log, length: 300, fontSize: 10, vertical: true)
        }, "AxisView did not return within a minute for \(data)")
        #expect(view.lower > 0 && view.upper.isFinite && view.lower < view.upper, "\(data): [\(view.lower), \(view.upper)]")
        #expect(data.allSatisfy { $0 >= view.lower && $0 <= view.upper }, "\(data): [\(view.lower), \(view.upper)]")
        #expect(!view.ticks.isEmpty && view.ticks.allSatisfy { $0.isFinite }, "\(data): ticks \(view.ticks)")
        for d in data {
            let f = view.fraction(d)
            #expect(f >= 0 && f <= 1, "\(data): \(d) at \(f)")
        }
    }

    @Test(arguments: [[8.9e307, -8.9e307], [1e308, -1e308], [1.7e308, 1e307]])
    func theLineIsDrawnInsideItsFrameOnBothAxes(_ values: [Double]) throws {
        for (xs, ys) in [([0.0, 1], values), (values, [0.0, 1])] {
            let figure = try ColumnPlot(x: .init(name: "x", values: xs), ys: [.init(name: "y", values: ys)]).figure()
            let recorder = try #require(finishing(within: 60) { () -> RecordingRenderer in
                let r = RecordingRenderer(measuringWith: CairoTextMeasurer())
                figure.draw(on: r)
                return r
            }, "drawing did not finish within a minute for x \(xs), y \(ys)")
            let points = recorder.records(in: "series 0").flatMap { record -> [Point] in
                guard case .path(let path, _, _) = record.item else { return [] }
                return path.elements.compactMap { element -> Point? in
                    switch element {
                    case .move(let p), .line(let p): return p
                    case .curve, .close: return nil
                    }
                }
            }
            #expect(points.count == 2, "x \(xs), y \(ys): \(points)")
            let frame = FigureLayout(figure, measurer: CairoTextMeasurer()).placed[0].frame
            for p in points {
                #expect(p.x >= frame.minX && p.x <= frame.maxX && p.y >= frame.minY && p.y <= frame.maxY, "x \(xs), y \(ys): \(p) outside \(frame)")
            }
            let labels = recorder.records(in: "axes 0").compactMap(\.text)
            #expect(labels.contains { $0.hasPrefix("1e30") }, "the axis says its power of ten: \(labels)")
        }
    }
}

extension ExtremeRangeTests {
    @Test func theFormatterTakesAViewAcrossAllOfFloat64() {
        let maximum = Double.greatestFiniteMagnitude
        let f = ScalarTickFormat(ticks: [1.7e308, 1.70001e308], viewMin: -maximum, viewMax: maximum)
        #expect(f.orderOfMagnitude == 308 || f.offset != 0)
        #expect(Set([1.7e308, 1.70001e308].map(f.label)).count == 2)
    }
}

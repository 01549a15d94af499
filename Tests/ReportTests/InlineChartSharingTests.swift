import LossPlotCharts
@testable import Report
import Scenarios
import Testing

/// What a self-contained page does to its inline charts: glyphs and markers kept once, colours
/// turned dark by the stylesheet, and each chart's data as a table.
@Suite struct InlineChartSharingTests {
    static let chart = """
    <svg><defs><g>
    <symbol overflow="visible" id="c1-glyph-0">
    <path d="M 1.234 0 L 2 3 Z"/>
    </symbol>
    <symbol overflow="visible" id="c1-glyph-1">
    <path d="M 0 0 L 5 5 Z"/>
    </symbol>
    </g></defs>
    <g fill="#000000"><use xlink:href="#c1-glyph-0" x="1" y="2"/><use xlink:href="#c1-glyph-1" x="3" y="2"/></g>
    <path fill="#1f77b4" d="M 3.5 0 C 3.5 1.9 0 3.5 0 3.5 Z" transform="matrix(1,0,0,1,10.5,20)"/>
    <path fill="#1f77b4" d="M 3.5 0 C 3.5 1.9 0 3.5 0 3.5 Z" transform="matrix(1,0,0,1,11.5,-4)"/>
    <path fill="#1f77b4" d="M 3.5 0 L 1 1" transform="matrix(2,0,0,2,1,1)"/>
    </svg>
    """

    @Test func glyphsAndMarkersAreKeptOncePerPage() throws {
        let glyphs = InlineGlyphs()
        let first = glyphs.share(Self.chart)
        let second = glyphs.share(Self.chart.replacingOccurrences(of: "c1-", with: "c2-"))
        // The second chart's outlines are the first's: the page holds two glyphs and one marker.
        let sprite = try #require(glyphs.spriteMarkup)
        #expect(sprite.components(separatedBy: "<symbol ").count - 1 == 3)
        #expect(sprite.contains("aria-hidden=\"true\"") && sprite.contains("d=\"M 1.2 0 L 2 3 Z\""))
        for svg in [first, second] {
            #expect(!svg.contains("<symbol") && !svg.contains("xlink:href"))
            #expect(svg.contains("<use href=\"#lpg0\" x=\"1\" y=\"2\"/><use href=\"#lpg1\" x=\"3\" y=\"2\"/>"))
            #expect(svg.contains("<use href=\"#lpm0\" x=\"10.5\" y=\"20\"/>") && svg.contains("<use href=\"#lpm0\" x=\"11.5\" y=\"-4\"/>"))
            // A path moved and scaled is not a stamped marker: it stays as it is.
            #expect(svg.contains("transform=\"matrix(2,0,0,2,1,1)\""))
        }
        #expect(sprite.contains("<symbol id=\"lpm0\" overflow=\"visible\"><path fill=\"#1f77b4\" d=\"M 3.5 0 C 3.5 1.9 0 3.5 0 3.5 Z\"/></symbol>"))
    }

    @Test func theDarkRulesTurnEachColourAsADarkFigureWould() {
        let css = InlineChartColors.css(for: ["<path fill=\"rgb(12.156863%,46.666667%,70.588235%)\" stroke=\"#000000\"/>", "<g style=\"fill:rgb(100%,100%,100%);\">"])
        let blue = ColorScheme.dark.color(Color(hex: 0x1f77b4), role: .fill).hexString
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(css.contains(".chart-card svg [fill=\"#1f77b4\"], .glyph-sprite [fill=\"#1f77b4\"] { fill: \(blue); }"))
        #expect(css.contains("[fill=\"#ffffff\"]") && css.contains("{ fill: \(ColorScheme.darkBackground.hexString); }"))
        #expect(css.contains("[stroke=\"#000000\"]") && css.contains("{ stroke: \(ColorScheme.darkForeground.hexString); }"))
        #expect(InlineChartColors.css(for: ["<svg/>"]) == "")
        #expect(InlineChartColors.parse("rgb(120%,0%,0%)") == nil && InlineChartColors.parse("#12345") == nil)
    }

    @Test func inlineColoursAreHexAndDefaultsAreDropped() throws {
        let inline = try #require(InlineSVG.markup("<svg><path fill-rule=\"nonzero\" fill=\"rgb(100%,0%,0%)\" fill-opacity=\"1\" stroke-linejoin=\"round\" stroke-miterlimit=\"10\" stroke-linecap=\"butt\" d=\"M 0 0\"/><path stroke-linejoin=\"miter\" stroke-miterlimit=\"10\" d=\"M 1 1\"/></svg>"))
        #expect(inline.contains("<path fill=\"#ff0000\" stroke-linejoin=\"round\" d=\"M 0 0\"/>"), "\(inline)")
        #expect(inline.contains("<path stroke-linejoin=\"miter\" stroke-miterlimit=\"10\" d=\"M 1 1\"/>"), "\(inline)")
    }

    @Test func aChartsDataTableSamplesItsLinesEndsIncluded() {
        var ax = Axes()
        ax.title = Label("Loss")
        ax.xLabel = Label("error")
        let x = (0..<101).map { Double($0) / 10 - 5 }
        ax.plot(LineSeries(x: x, y: x.map { $0 * $0 }, label: "MSE"))
        ax.plot(LineSeries(x: x, y: x.map { abs($0) }, label: "MAE"))
        ax.scatter(ScatterSeries(x: [1, 2], y: [-0.000123, 12345.678], label: "points"))
        ax.plot(LineSeries(x: x, y: x, label: nil))
        let tables = ChartDataTable.tables(of: Figure(widthInches: 4, heightInches: 3, axes: [ax], title: "t"))
        #expect(tables.count == 2)
        #expect(tables[0].columns == ["error", "MSE", "MAE"])
        #expect(tables[0].rows.count == ChartDataTable.maximumRows)
        #expect(tables[0].rows.first == ["−5", "25", "5"] && tables[0].rows.last == ["5", "25", "5"])
        #expect(tables[1].title == "Loss: points" && tables[1].rows == [["1", "−0.000123"], ["2", "1.235e+04"]])
        #expect(ChartDataTable.sampleIndices(3) == [0, 1, 2])
    }

    @Test func everyExplorerHasItsFramesAndItsStartingValue() throws {
        let explorers = ScenarioCatalog.all.filter { $0.explorer != nil }
        #expect(explorers.map(\.id) == ["explore-huber", "explore-quantile", "explore-focal-gamma", "explore-focal-alpha", "explore-contrastive", "explore-triplet"])
        let frames = ExplorerFrames.scenarios(ScenarioCatalog.all)
        #expect(frames.count == explorers.reduce(0) { $0 + ($1.explorer?.values.count ?? 0) })
        for s in explorers {
            let e = try #require(s.explorer)
            #expect(e.values.contains(e.startValue) && e.values.count <= 8, "\(s.id)")
            if let g = e.guideValue { #expect(e.values.contains(g)) }
            for (k, v) in e.values.enumerated() {
                let frame = try #require(frames.first { $0.id == ExplorerFrames.frameID(s.id, k) }?.figure)
                let en = frame(.en), uk = frame(.uk)
                #expect(en.axes.count == 2 && !en.axes[0].series.isEmpty, "\(s.id) \(v)")
                // Both panels draw every curve at every x (the loss panel was once left empty).
                for ax in en.axes { for series in ax.series { #expect(series.y.count == series.x.count && !series.x.isEmpty, "\(s.id) \(v)") } }
                #expect(en.axes.allSatisfy { $0.series.allSatisfy { $0.y.allSatisfy(\.isFinite) } }, "\(s.id) \(v): a NaN or infinity")
                #expect(en.description != uk.description)
                // The guide's value is drawn beside every other value.
                if let g = e.guideValue, g != v { #expect(en.axes[0].series.count >= 2, "\(s.id) \(v)") }
            }
        }
    }
}

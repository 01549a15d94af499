import LossPlotCharts
import Testing

/// A figure laid out for a phone: one column, no text under the minimum, notes under the axis.
@Suite struct NarrowLayoutTests {
    static func grid() -> Figure {
        var axes = (0..<4).map { i -> Axes in
            var ax = Axes()
            ax.title = Label("Panel \(i) with a title far too long for a phone's narrow width", fontSize: 14, bold: true)
            ax.xLabel = Label("x", fontSize: 12)
            ax.tickFontSize = 8
            ax.legend = Legend(fontSize: 7)
            ax.plot(LineSeries(x: [0, 1], y: [0, 1], label: "a", width: 3))
            return ax
        }
        axes[1].annotations = [Annotation("a long note that would cover half of a narrow plot", point: (0.5, 0.5), textPosition: (0.1, 0.9),
                                          fontSize: 10, box: TextBox(fill: .white), arrow: Arrow())]
        return Figure(widthInches: 14, heightInches: 10, rows: 2, columns: 2, axes: axes, suptitle: Label("Suptitle", fontSize: 14, bold: true))
    }

    @Test func theGridStacksIntoOneColumnOnAPhonesWidth() {
        let layout = NarrowLayout()
        let narrow = Self.grid().narrowed(layout)
        #expect(narrow.columns == 1 && narrow.rows == 4 && narrow.axes.count == 4)
        #expect(narrow.widthInches == layout.widthInches)
        #expect(narrow.heightInches > 4 * layout.axesHeightInches * 0.8)
        #expect(narrow.axes.map { $0.series } == Self.grid().axes.map { $0.series.map { s in
            guard case .line(var l) = s else { return s }
            l.width *= layout.strokeScale
            return .line(l)
        } })
    }

    @Test func noTextIsSmallerThanTheMinimumAndTitlesFit() {
        let layout = NarrowLayout()
        let narrow = Self.grid().narrowed(layout)
        for ax in narrow.axes {
            #expect(ax.tickFontSize >= layout.minimumFontSize)
            #expect((ax.legend?.fontSize ?? 99) >= layout.minimumFontSize)
            #expect((ax.title?.fontSize ?? 0) <= layout.maximumTitleSize && (ax.title?.fontSize ?? 0) >= layout.minimumFontSize)
            for line in ax.title?.text.split(separator: "\n") ?? [] { #expect(line.count <= layout.titleWidth) }
            for a in ax.annotations { #expect(a.fontSize >= layout.minimumFontSize && a.keepInside) }
        }
        #expect((narrow.suptitle?.fontSize ?? 0) <= layout.maximumTitleSize)
    }

    @Test func aBoxedNoteBecomesANumberWithItsTextUnderTheAxis() throws {
        let ax = Self.grid().narrowed().axes[1]
        let note = try #require(ax.annotations.first)
        #expect(note.text == "1" && note.arrow != nil)
        let label = try #require(ax.xLabel?.text)
        #expect(label.hasPrefix("x\n1: a long note"))
        #expect(label.split(separator: "\n").allSatisfy { $0.count <= NarrowLayout().noteLineWidth })
    }

    @Test func wrappingKeepsEveryWordInOrder() {
        let text = "one two three four five six seven eight nine ten eleven"
        let wrapped = NarrowLayout.wrap(text, width: 12)
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 12 })
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
        #expect(NarrowLayout.wrap("unbreakable-word-longer-than-width", width: 5) == "unbreakable-word-longer-than-width")
    }
}

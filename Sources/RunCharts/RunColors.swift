import LossPlotCharts
import Foundation

/// The colour of each run (or group) of a chart, the same in every panel: matplotlib's tab10
/// for up to ten, beyond that hues spread by the golden angle so neighbours stay apart.
enum RunColors {
    static func palette(count: Int) -> [Color] {
        guard count > Color.tab10.count else { return (0..<count).map(Color.cycle) }
        return (0..<count).map { i in
            let hue = (Double(i) * 0.381966).truncatingRemainder(dividingBy: 1)
            // Two lightness levels alternate so hues that land close still differ.
            return hsl(hue: hue, saturation: 0.65, lightness: i % 2 == 0 ? 0.45 : 0.35)
        }
    }

    static func hsl(hue h: Double, saturation s: Double, lightness l: Double) -> Color {
        let c = (1 - abs(2 * l - 1)) * s
        let hp = h * 6
        let x = c * (1 - abs(hp.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double)
        switch Int(hp) {
        case 0: (r, g, b) = (c, x, 0)
        case 1: (r, g, b) = (x, c, 0)
        case 2: (r, g, b) = (0, c, x)
        case 3: (r, g, b) = (0, x, c)
        case 4: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        let m = l - c / 2
        return Color(red: r + m, green: g + m, blue: b + m)
    }
}

import LossPlotCharts
@testable import Scenarios
import Testing

/// One sign for the residual on every chart against it, as the report's notation has it:
/// r = y_true − y_pred, and gradients with respect to the prediction.
@Suite struct ResidualSignTests {
    static func figure(_ id: String) throws -> Figure {
        let make = try #require(ScenarioCatalog.scenario(id: id)?.figure, "\(id)")
        return make(.en)
    }

    @Test(arguments: ["mse-vs-mae", "log-cosh", "quantile", "gradients"])
    func chartsAgainstTheResidualSayYTrueMinusYPred(id: String) throws {
        let label = try #require(try Self.figure(id).axes.first?.xLabel?.text)
        #expect(label.contains("y_true - y_pred"), "\(id): \(label)")
        #expect(!label.contains("y_pred - y_true"), "\(id): \(label)")
    }

    /// dL/dŷ against r: MSE's is −2r, MAE's −sign(r), the 0.9 quantile's −0.9 above zero and 0.1 below.
    @Test func theGradientChartIsWithRespectToThePredictionAgainstR() throws {
        let series = try #require(try Self.figure("gradients").axes.first?.series)
        func value(_ name: String, at r: Double) throws -> Double {
            let s = try #require(series.first { $0.label?.hasPrefix(name) == true }, "\(name)")
            let i = try #require(s.x.indices.min { abs(s.x[$0] - r) < abs(s.x[$1] - r) })
            #expect(abs(s.x[i] - r) < 1e-9)
            return s.y[i]
        }
        #expect(abs(try value("MSE", at: 2) - -4) < 1e-12)
        #expect(abs(try value("MSE", at: -1) - 2) < 1e-12)
        #expect(try value("MAE", at: 3) == -1)
        #expect(try value("MAE", at: -3) == 1)
        #expect(abs(try value("Quantile", at: 3) - -0.9) < 1e-12)
        #expect(abs(try value("Quantile", at: -3) - 0.1) < 1e-12)
    }
}

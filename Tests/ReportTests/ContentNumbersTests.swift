@testable import Report
import Foundation
import LossFunctions
import Regression
import Scenarios
import Testing

/// The numbers the prose quotes are the ones lossplot computes: each is recomputed here from the
/// scenarios (and the dataset behind them), written at the precision the text uses, and looked
/// for in the article that quotes it, in both languages. A change to the data or the fits that
/// moves a quoted number fails here instead of leaving the text wrong.
@Suite struct ContentNumbersTests {
    static let content = Result { try ReportContent.load(templatesDirectory: ContentFixture.realTemplates) }

    /// Every text of an article (or of a section's introduction, by the section's id), joined.
    static func text(_ id: String, _ language: Language) throws -> String {
        let content = try Self.content.get()
        func blocks(_ b: [ContentBlock]) -> [LocalizedText] {
            b.flatMap { block -> [LocalizedText] in
                switch block {
                case .paragraph(let t), .formula(let t), .example(let t): return [t]
                case .list(let items): return items
                case .definitions(let pairs): return pairs.flatMap { [$0.term, $0.detail] }
                case .note(let title, let body, _): return [title] + body
                case .table(let t): return [t.caption] + t.columns + t.rows.flatMap { $0 }
                case .references(let entries): return entries.map(\.text)
                }
            }
        }
        if let section = content.sections.first(where: { $0.id == id }) {
            return blocks(section.intro).map { $0(language) }.joined(separator: "\n")
        }
        let article = try #require(content.sections.flatMap(\.articles).first { $0.id == id }, "no article \(id)")
        let texts = article.symbols + blocks(article.body) + article.pros + article.cons + article.useWhen + article.avoidWhen + blocks(article.after)
        return texts.map { $0(language) }.joined(separator: "\n")
    }

    static func results(_ id: String) throws -> PrintedResults {
        let s = try #require(ScenarioCatalog.all.first { $0.id == id })
        let r = try #require(s.results?())
        #expect(r.failure == nil)
        return r
    }

    static func value(_ id: String, _ name: String) throws -> Double {
        try #require(try results(id).values.first { $0.name == name }?.values.first, "\(id): no value \(name)")
    }

    /// `x` with `decimals` digits, a minus written as the typographic "−" the prose uses.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        let s = String(format: "%.*f", decimals, abs(x))
        return x < 0 && s.contains(where: { $0 != "0" && $0 != "." }) ? "\u{2212}" + s : s
    }

    /// The numbers each article quotes, computed.
    static func quoted() throws -> [(article: String, number: String)] {
        var out: [(String, String)] = []
        func quote(_ article: String, _ numbers: [String]) { out += numbers.map { (article, $0) } }

        // The guide's small examples.
        quote("mae", [fixed(try value("outlier-example", "MSE with outlier"), 0), fixed(try value("outlier-example", "MAE with outlier"), 0),
                      fixed(try value("outlier-example", "MSE without outlier"), 2), fixed(try value("outlier-example", "MAE without outlier"), 2)])
        quote("huber", [fixed(try value("huber-example", "Huber"), 1), fixed(try value("huber-example", "MAE"), 1)])
        quote("log-cosh", [fixed(try value("log-cosh-example", "Log-Cosh"), 2)])
        quote("sparse-categorical-cross-entropy", [fixed(try value("sparse-categorical-cross-entropy-example", "Sparse CCE"), 4)])
        quote("focal", [fixed(try value("focal-vs-bce", "BCE"), 4), fixed(try value("focal-vs-bce", "Focal Loss"), 4)])
        quote("contrastive", [fixed(try value("contrastive-example", "Contrastive Loss"), 4)])

        // The guide's experiment: the generator, the split, the three fits.
        let data = try documentDataset()
        let trueSlope = try #require(data.trueCoefficients.first)
        quote("regression-comparison", [fixed(trueSlope, 2), "σ = " + fixed(RobustComparison.noiseScale, 0),
                                        String(data.split.train.count), String(data.x.rows)])
        let linear = try value("regression-outliers", "Linear (MSE) test MSE"), lasso = try value("regression-outliers", "Lasso (MSE + L1) test MSE")
        let linearMAE = try value("regression-outliers", "Linear (MSE) test MAE"), lassoMAE = try value("regression-outliers", "Lasso (MSE + L1) test MAE")
        let guideModels = try results("regression-outliers").models
        #expect(guideModels.count == 3)
        quote("conclusion-slip", [fixed(lasso - linear, 1), fixed(linearMAE - lassoMAE, 2),
                                  fixed((lasso - linear) / linear * 100, 1) + "%", fixed((linearMAE - lassoMAE) / linearMAE * 100, 1) + "%",
                                  String(data.split.test.count), String(data.cleanTestPositions.count), fixed(linear, 0), fixed(trueSlope, 2)]
              + guideModels.map { fixed($0.coefficients.first ?? .nan, 2) } + guideModels.map { fixed($0.intercept, 2) })

        // The robust fits.
        let rows = try RobustComparison.rows(for: data)
        let mse = try #require(rows.first { $0.name == "MSE" }), robust = rows.filter { $0.name != "MSE" }
        #expect(robust.count == 5)
        quote("conclusion-slip", [fixed(mse.cleanTestMSE, 0)])
        let slopeGaps = robust.map { abs($0.slope - mse.slope) / mse.slope * 100 }
        let aboveTruth = rows.map { ($0.slope - trueSlope) / trueSlope * 100 }
        let intercepts = robust.map(\.intercept)
        let cleanGains = robust.map { mse.cleanTestMAE - $0.cleanTestMAE }, allGains = robust.map { mse.testMAE - $0.testMAE }
        let mseLosses = robust.map { $0.testMSE - mse.testMSE }
        let ratios = allGains.map { $0 / (linearMAE - lassoMAE) }
        quote("robust-comparison", [
            fixed(slopeGaps.max() ?? .nan, 1) + "%", fixed(aboveTruth.min() ?? .nan, 1), fixed(aboveTruth.max() ?? .nan, 1) + "%", fixed(trueSlope, 2),
            fixed(mse.intercept, 2), fixed(intercepts.max() ?? .nan, 2), fixed(intercepts.min() ?? .nan, 2),
            fixed(cleanGains.min() ?? .nan, 2), fixed(cleanGains.max() ?? .nan, 2), fixed(allGains.min() ?? .nan, 2), fixed(allGains.max() ?? .nan, 2),
            String(Int(try #require(ratios.min()).rounded(.down))), String(Int(try #require(ratios.max()).rounded(.down))), fixed(linearMAE - lassoMAE, 2),
            fixed(mseLosses.min() ?? .nan, 1), fixed(mseLosses.max() ?? .nan, 1),
            String(data.cleanTestPositions.count), String(data.split.test.count), String(data.split.train.count),
            fixed(RobustComparison.scaleAwareHuberDelta, 2), "σ = " + fixed(RobustComparison.noiseScale, 0),
        ])
        // "about 7.5%": inside the range of the clean-MAE gains, relative to MSE's.
        let relative = cleanGains.map { $0 / mse.cleanTestMAE * 100 }
        #expect((relative.min() ?? .nan) <= 7.5 && 7.5 <= (relative.max() ?? .nan), "\(relative)")
        let n = data.split.train.count
        let vertex = try #require(rows.first { $0.convergence.method == .vertexSearch })
        #expect(vertex.convergence.iterations == n * (n - 1) / 2)
        quote("robust-comparison", ["\(n)·\(n - 1)/2 = \(vertex.convergence.iterations)"])
        #expect(RobustLinearRegression(loss: MeanSquaredError()).tolerance == 1e-9)
        quote("robust-comparison", ["10⁻⁹"])

        // The same experiment over 200 seeds: what is repeated, and what the table shows.
        let seeds = RepeatedComparison.reportSeeds
        let shift = data.outlierShifts.map(abs).max() ?? .nan
        #expect(data.outlierIndices.count == 5 && data.outlierShifts.allSatisfy { abs($0) == shift })
        quote("seeds-comparison", [String(seeds.count), String(seeds.upperBound - 1), String(data.x.rows),
                                   "σ = " + fixed(RobustComparison.noiseScale, 0), "(" + data.outlierIndices.map(String.init).joined(separator: ", ") + ")",
                                   "±" + fixed(shift, 0), "\(data.split.train.count)/\(data.split.test.count)"])
        #expect(seeds.contains(42) && seeds.lowerBound == 0, "0 to 199, 42 among them")
        func seed(_ model: String, _ what: String) throws -> Double { try value("regression-seeds", "\(model) \(what)") }
        let models = try results("regression-seeds").tables.first?.rows.map { $0[0] } ?? []
        #expect(models.count == 8, "eight models")
        let reference = models[0], robustNames = Array(models[3...]), penalties = ["Ridge (MSE + L2)", "Lasso (MSE + L1)"]
        #expect(Array(models[1...2]) == penalties)
        let referenceMAE = try seed(reference, "clean test MAE mean")
        let gains = try robustNames.map { -(try seed($0, "clean MAE difference mean")) }
        let robustWins = try robustNames.map { Int(try seed($0, "clean MAE wins")) }
        quote("seeds-comparison", [fixed(referenceMAE, 2), fixed(gains.min() ?? .nan, 3), fixed(gains.max() ?? .nan, 3),
                                   fixed((gains.min() ?? .nan) / referenceMAE * 100, 1), fixed((gains.max() ?? .nan) / referenceMAE * 100, 1) + "%",
                                   String(robustWins.min() ?? -1), String(robustWins.max() ?? -1),
                                   fixed(cleanGains.min() ?? .nan, 2), fixed(cleanGains.max() ?? .nan, 2), fixed(linearMAE - lassoMAE, 2)])
        // "every one of their paired intervals lies below zero"; "the average gain is smaller":
        // the guide's single-split gains exceed every mean gain over the seeds.
        for name in robustNames { #expect(try seed(name, "clean MAE difference high") < 0, "\(name)") }
        #expect((cleanGains.min() ?? .nan) > (gains.max() ?? .nan))
        // Ridge and Lasso: their wins and paired intervals, which contain zero.
        for name in penalties {
            let low = try seed(name, "clean MAE difference low"), high = try seed(name, "clean MAE difference high")
            #expect(low < 0 && 0 < high, "\(name)")
            quote("seeds-comparison", [String(Int(try seed(name, "clean MAE wins"))), fixed(low, 3), fixed(high, 3)])
        }
        // "no model's mean intercept differs detectably from 0"; the robust intervals "about half
        // as wide" as least squares'; Lasso's slope below the true one on average.
        func width(_ model: String, _ what: String) throws -> Double { try seed(model, "\(what) high") - seed(model, "\(what) low") }
        for name in models { #expect(try seed(name, "intercept low") < 0 && 0 < seed(name, "intercept high"), "\(name)") }
        for name in robustNames {
            let ratio = try width(name, "intercept") / width(reference, "intercept")
            #expect(0.4 <= ratio && ratio <= 0.6, "\(name): \(ratio)")
        }
        #expect(try seed("Lasso (MSE + L1)", "slope error high") < 0)
        return out
    }

    @Test(arguments: Language.allCases)
    func everyQuotedNumberIsTheComputedOne(language: Language) throws {
        var missing: [String] = []
        for (article, number) in try Self.quoted() {
            let text = try Self.text(article, language)
            if !text.contains(number) { missing.append("\(article): \(number)") }
        }
        #expect(missing.isEmpty, "\(language.rawValue) text lacks the computed \(missing)")
    }

    /// The Ukrainian prose writes decimals with a point, as the tables and the printed lines do
    /// (the program prints "19.10", so the prose does not say "19,1").
    @Test func ukrainianDecimalsUseThePoint() throws {
        let content = try Self.content.get()
        var commas: [String] = []
        for section in content.sections {
            let ids = [section.id] + section.articles.map(\.id)
            for id in ids {
                let text = try Self.text(id, .uk)
                // Outside code spans, a digit, a comma and a digit with no space between.
                for (i, part) in text.components(separatedBy: "`").enumerated() where i % 2 == 0 {
                    if let r = part.range(of: "[0-9],[0-9]", options: .regularExpression) {
                        commas.append("\(id): …\(part[part.index(r.lowerBound, offsetBy: -min(12, part.distance(from: part.startIndex, to: r.lowerBound)))..<r.upperBound])")
                    }
                }
            }
        }
        #expect(commas.isEmpty, "\(commas)")
    }
}

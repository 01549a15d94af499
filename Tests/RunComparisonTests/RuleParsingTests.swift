import RunComparison
import Testing

/// The gate's rule language: what each rule reads as, and every error with the column it names.
@Suite struct RuleParsingTests {
    func condition(_ text: String) throws -> MetricCondition {
        let rule = try GateRule(parsing: text)
        guard case .metric(let condition) = rule.condition else {
            Issue.record("'\(text)' did not read as a metric rule")
            throw RuleSyntaxError(rule: text, column: 0, "not a metric rule")
        }
        return condition
    }

    @Test func theIssuesExamplesRead() throws {
        #expect(try condition("val_loss.final > baseline * 1.02")
            == MetricCondition(metric: "val_loss", statistic: .final, comparison: .greater, threshold: .baseline(.times(1.02))))
        #expect(try condition("val_acc.min < 0.8")
            == MetricCondition(metric: "val_acc", statistic: .min, comparison: .less, threshold: .number(0.8)))
        #expect(try GateRule(parsing: "nonfinite").condition == .nonFinite)
        #expect(try GateRule(parsing: "  nonfinite\t").text == "nonfinite")
    }

    @Test func everyStatisticComparisonAndThresholdReads() throws {
        #expect(try condition("train/loss.mean_last_5 <= 0.3").statistic == .meanOfLast(5))
        #expect(try condition("loss.max >= 2").comparison == .greaterOrEqual)
        #expect(try condition("loss.max == 2").comparison == .equal)
        #expect(try condition("loss.max != 2").comparison == .notEqual)
        #expect(try condition("loss.nonfinite > 0").statistic == .nonFiniteCount)
        #expect(try condition("loss.final>baseline+0.1").threshold == .baseline(.plus(0.1)))
        #expect(try condition("loss.final > baseline - 0.1").threshold == .baseline(.plus(-0.1)))
        #expect(try condition("loss.final > baseline").threshold == .baseline(.none))
        #expect(try condition("eval/accuracy.final < .5").threshold == .number(0.5))
        #expect(try condition("loss.final < -1e-3").threshold == .number(-0.001))
        #expect(try GateRule(parsing: "loss.final > baseline * 2").comparesWithBaseline)
        #expect(try !GateRule(parsing: "loss.final > 2").comparesWithBaseline)
    }

    @Test func theStatisticFollowsTheNamesLastDotAndQuotesTakeAnyName() throws {
        #expect(try condition("optimizer.lr.final == 0.001").metric == "optimizer.lr")
        #expect(try condition("\"val loss (ema)\".max >= -1e-3").metric == "val loss (ema)")
        #expect(try condition(#""a\"b\\c".final != 0"#).metric == #"a"b\c"#)
        #expect(try condition("\"x<=y\".min > 1").metric == "x<=y")
    }

    /// Each malformed rule, the column its error names, and a word the message must hold.
    static let errors: [(rule: String, column: Int, says: String)] = [
        ("", 1, "the rule is empty"),
        ("   ", 4, "the rule is empty"),
        ("< 1", 1, "expected a metric and its statistic"),
        ("val_loss > 1", 1, "'val_loss' has no statistic"),
        (".final < 1", 1, "no metric name before '.final'"),
        ("val_loss. < 1", 10, "expected a statistic after '.'"),
        ("val_loss.last < 1", 10, "unknown statistic 'last'"),
        ("wörter.fínal < 1", 8, "unknown statistic 'fínal'"),
        ("val_loss.mean_last_ < 1", 20, "mean_last_ needs how many"),
        ("val_loss.mean_last_x5 < 1", 20, "mean_last_ needs how many"),
        ("val_loss.mean_last_0 < 1", 20, "averages 1 to 1000000 points, got 0"),
        ("val_loss.mean_last_99999999 < 1", 20, "got 99999999"),
        ("val_loss.final", 15, "the rule ends after 'val_loss.final'"),
        ("val_loss.final = 1", 16, "'=' is not a comparison: write '=='"),
        ("val_loss.final => 1", 16, "'=>' is not a comparison: write '>='"),
        ("val_loss.final ! 1", 16, "'!' is not a comparison: write '!='"),
        ("val_loss.final ~ 1", 16, "expected a comparison"),
        ("val_loss.final >", 17, "expected a number or baseline after '>'"),
        ("val_loss.final < < 1", 18, "expected a number or baseline after '<', got '<'"),
        ("val_loss.final > basline", 18, "unknown word 'basline'"),
        ("val_loss.final > 1.2.3", 18, "'1.2.3' is not a number"),
        ("val_loss.final > 1e999", 18, "'1e999' is not a finite number"),
        ("val_loss.final > 1.#IND", 18, "is not a finite number"),
        ("val_loss.final > baseline *", 28, "expected a number after '*'"),
        ("val_loss.final > baseline * x", 29, "'x' is not a number"),
        ("val_loss.final > baseline 2", 27, "unexpected '2' after baseline"),
        ("val_loss.final > 1 2", 20, "unexpected '2' after the value"),
        ("\"val loss.final < 1", 1, "the quote that opens the metric's name is not closed"),
        ("\"val loss\" < 1", 11, "expected '.' and a statistic after the quoted name"),
        ("\"\".final < 1", 1, "the metric's name is empty"),
        ("val\"loss\".final < 1", 4, "a quote encloses a whole metric name"),
        ("nonfinite > 0", 11, "nonfinite is a rule by itself"),
        ("loss.nonfinite > -1", 16, "never negative"),
    ]

    @Test(arguments: errors) func aMalformedRuleNamesItsColumn(_ bad: (rule: String, column: Int, says: String)) {
        do {
            let rule = try GateRule(parsing: bad.rule)
            Issue.record("'\(bad.rule)' read as \(rule.condition)")
        } catch {
            #expect(error.rule == bad.rule)
            #expect(error.column == bad.column, "'\(bad.rule)': \(error)")
            #expect(error.message.contains(bad.says), "'\(bad.rule)': \(error)")
            #expect(!error.description.contains("\n"))
        }
    }
}

import DataFiles

/// Reads one rule of the gate's language (`GateRule`): a scanner over the rule's characters
/// and a parser of its three parts, each error at the column of what it is about.
struct RuleParser {
    let text: String
    let characters: [Character]
    /// The next character to read.
    var at = 0

    /// The characters that end a metric's name written without quotes.
    static let nameStops: Set<Character> = ["<", ">", "=", "!", "\""]
    /// How statistics are spelled, for messages.
    static let statistics = "final, min, max, mean_last_N (the mean of the last N points) or nonfinite"
    static let comparisons = "<, <=, >, >=, == or !="

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    var atEnd: Bool { at >= characters.count }

    func error(_ index: Int, _ message: String) -> RuleSyntaxError {
        RuleSyntaxError(rule: text, column: index + 1, message)
    }

    mutating func skipSpaces() {
        while !atEnd && characters[at].isWhitespace { at += 1 }
    }

    /// The characters from `index` up to the next white space, at most 24, for messages.
    func word(at index: Int) -> String {
        let rest = characters[index...].prefix { !$0.isWhitespace }
        return rest.count > 24 ? String(rest.prefix(24)) + "…" : String(rest)
    }

    mutating func rule() throws(RuleSyntaxError) -> GateRule.Condition {
        skipSpaces()
        guard !atEnd else { throw error(at, "the rule is empty: write METRIC.STAT OP VALUE (val_loss.final > baseline * 1.02) or nonfinite") }
        let start = at
        let reference = try metricReference()
        guard let (metric, statistic) = reference else { return .nonFinite }
        let left = String(characters[start..<at])
        skipSpaces()
        guard !atEnd else { throw error(at, "the rule ends after '\(left)': expected a comparison (\(Self.comparisons)) and a value") }
        let comparisonAt = at
        let comparison = try self.comparison(after: left)
        skipSpaces()
        guard !atEnd else { throw error(at, "expected a number or baseline after '\(comparison.rawValue)'") }
        let threshold = try self.threshold(after: comparison.rawValue)
        skipSpaces()
        guard atEnd else {
            throw error(at, "unexpected '\(word(at: at))' after the value: a rule ends with its value (give each rule its own option)")
        }
        if case .nonFiniteCount = statistic, case .number(let x) = threshold, x < 0 {
            throw error(comparisonAt, "a count of NaN and infinite points is never negative: compare \(metric).nonfinite with 0 or more")
        }
        return .metric(MetricCondition(metric: metric, statistic: statistic, comparison: comparison, threshold: threshold))
    }

    /// `name.stat` or `"name".stat`; nil for the bare rule `nonfinite`.
    mutating func metricReference() throws(RuleSyntaxError) -> (String, RuleStatistic)? {
        let start = at
        if characters[at] == "\"" {
            let name = try quotedName()
            guard !atEnd, characters[at] == "." else {
                throw error(at, "expected '.' and a statistic after the quoted name (\"\(name)\".final)")
            }
            at += 1
            let statisticAt = at
            while !atEnd && !characters[at].isWhitespace && !Self.nameStops.contains(characters[at]) { at += 1 }
            return (name, try statistic(String(characters[statisticAt..<at]), at: statisticAt))
        }
        while !atEnd && !characters[at].isWhitespace && !Self.nameStops.contains(characters[at]) { at += 1 }
        if !atEnd && characters[at] == "\"" {
            throw error(at, "a quote encloses a whole metric name: \"val loss\".final")
        }
        let word = String(characters[start..<at])
        guard !word.isEmpty else {
            throw error(start, "expected a metric and its statistic (val_loss.final), got '\(self.word(at: start))'")
        }
        if word == "nonfinite" {
            skipSpaces()
            guard atEnd else {
                throw error(at, "nonfinite is a rule by itself; for one metric write METRIC.nonfinite > 0")
            }
            return nil
        }
        guard let dot = word.lastIndex(of: ".") else {
            throw error(start, "'\(word)' has no statistic: write \(word).final (or .min, .max, .mean_last_N, .nonfinite)")
        }
        let name = String(word[..<dot])
        let statisticText = String(word[word.index(after: dot)...])
        let statisticAt = start + name.count + 1
        guard !name.isEmpty else { throw error(start, "no metric name before '.\(statisticText)'") }
        return (name, try statistic(statisticText, at: statisticAt))
    }

    /// A name in double quotes, `\"` and `\\` inside; `at` is on the opening quote.
    mutating func quotedName() throws(RuleSyntaxError) -> String {
        let open = at
        at += 1
        var name = ""
        while true {
            guard !atEnd else { throw error(open, "the quote that opens the metric's name is not closed") }
            let c = characters[at]
            at += 1
            if c == "\"" { break }
            if c == "\\" {
                guard !atEnd else { throw error(open, "the quote that opens the metric's name is not closed") }
                name.append(characters[at])
                at += 1
            } else {
                name.append(c)
            }
        }
        guard !name.isEmpty else { throw error(open, "the metric's name is empty") }
        return name
    }

    func statistic(_ text: String, at index: Int) throws(RuleSyntaxError) -> RuleStatistic {
        switch text {
        case "final": return .final
        case "min": return .min
        case "max": return .max
        case "nonfinite": return .nonFiniteCount
        case "": throw error(index, "expected a statistic after '.': \(Self.statistics)")
        default: break
        }
        let prefix = "mean_last_"
        guard text.hasPrefix(prefix) else { throw error(index, "unknown statistic '\(text)': \(Self.statistics)") }
        let digits = text.dropFirst(prefix.count)
        let digitsAt = index + prefix.count
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw error(digitsAt, "mean_last_ needs how many last points to average, a whole number: mean_last_5")
        }
        let range = ComparisonOptions.meanWindowRange
        guard digits.count <= 7, let n = Int(digits), range.contains(n) else {
            throw error(digitsAt, "mean_last_N averages \(range.lowerBound) to \(range.upperBound) points, got \(digits)")
        }
        return .meanOfLast(n)
    }

    mutating func comparison(after left: String) throws(RuleSyntaxError) -> RuleComparison {
        let first = characters[at]
        let second: Character? = at + 1 < characters.count ? characters[at + 1] : nil
        let two = second.map { String([first, $0]) } ?? ""
        if let c = RuleComparison(rawValue: two) {
            at += 2
            return c
        }
        switch first {
        case "<", ">":
            at += 1
            return first == "<" ? .less : .greater
        case "=" where second == "<" || second == ">":
            throw error(at, "'\(two)' is not a comparison: write '\(second.map(String.init) ?? "")='")
        case "=":
            throw error(at, "'=' is not a comparison: write '=='")
        case "!":
            throw error(at, "'!' is not a comparison: write '!='")
        default:
            throw error(at, "expected a comparison (\(Self.comparisons)) after '\(left)', got '\(word(at: at))'")
        }
    }

    mutating func threshold(after comparison: String) throws(RuleSyntaxError) -> RuleThreshold {
        let start = at
        guard characters[at].isLetter || characters[at] == "_" else {
            return .number(try number(after: comparison, alternative: " or baseline"))
        }
        while !atEnd && (characters[at].isLetter || characters[at].isNumber || characters[at] == "_") { at += 1 }
        let word = String(characters[start..<at])
        guard word == "baseline" else {
            throw error(start, "unknown word '\(word)': expected a number or baseline after '\(comparison)'")
        }
        skipSpaces()
        guard !atEnd else { return .baseline(.none) }
        let operatorAt = at
        switch characters[at] {
        case "*":
            at += 1
            return .baseline(.times(try number(after: "*")))
        case "+":
            at += 1
            return .baseline(.plus(try number(after: "+")))
        case "-":
            at += 1
            return .baseline(.plus(-(try number(after: "-"))))
        default:
            throw error(operatorAt, "unexpected '\(self.word(at: operatorAt))' after baseline: the rule ends there or goes on with * FACTOR, + DELTA or - DELTA")
        }
    }

    /// A finite decimal literal (`NumberSyntax`'s rule, without inf and nan), sign included.
    mutating func number(after what: String, alternative: String = "") throws(RuleSyntaxError) -> Double {
        skipSpaces()
        guard !atEnd else { throw error(at, "expected a number\(alternative) after '\(what)'") }
        let start = at
        var previous: Character?
        while !atEnd {
            let c = characters[at]
            let sign = c == "+" || c == "-"
            let signOfExponent = sign && (previous == "e" || previous == "E")
            guard c.isLetter || c.isNumber || c == "." || c == "#" || (sign && (at == start || signOfExponent)) else { break }
            previous = c
            at += 1
        }
        let literal = String(characters[start..<at])
        guard !literal.isEmpty else {
            throw error(start, "expected a number\(alternative) after '\(what)', got '\(word(at: start))'")
        }
        guard let value = NumberSyntax.value(of: literal) else {
            throw error(start, "'\(literal)' is not a number (write it as 0.8, -1e-3, 2)")
        }
        guard value.isFinite else { throw error(start, "'\(literal)' is not a finite number") }
        return value
    }
}

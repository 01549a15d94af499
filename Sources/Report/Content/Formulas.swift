/// The losses' formulas in MathML (rendered natively by browsers, no script or font needed).
/// Built from a few helpers so every formula writes ŷ, sums and fractions the same way.
enum Formulas {
    static func math(_ body: String) -> String {
        "<math display=\"block\"><mrow>\(body)</mrow></math>"
    }
    static func mi(_ s: String) -> String { "<mi>\(s)</mi>" }
    static func mn(_ s: String) -> String { "<mn>\(s)</mn>" }
    static func mo(_ s: String) -> String { "<mo>\(s)</mo>" }
    static func name(_ s: String) -> String { "<mi mathvariant=\"normal\">\(s)</mi>" }
    static func text(_ s: String) -> String { "<mtext>\(s)</mtext>" }
    static func sub(_ base: String, _ index: String) -> String { "<msub>\(base)\(index)</msub>" }
    static func sup(_ base: String, _ power: String) -> String { "<msup>\(base)\(power)</msup>" }
    static func frac(_ a: String, _ b: String) -> String { "<mfrac>\(a)\(b)</mfrac>" }
    static func row(_ parts: String...) -> String { "<mrow>\(parts.joined())</mrow>" }
    static func paren(_ s: String) -> String { "<mrow><mo>(</mo>\(s)<mo>)</mo></mrow>" }
    static func bracket(_ s: String) -> String { "<mrow><mo>[</mo>\(s)<mo>]</mo></mrow>" }
    static func abs(_ s: String) -> String { "<mrow><mo>|</mo>\(s)<mo>|</mo></mrow>" }
    static let hat = "<mover accent=\"true\"><mi>y</mi><mo>^</mo></mover>"
    static let y = mi("y")
    static func yi(_ i: String = "i") -> String { sub(y, mi(i)) }
    static func yhati(_ i: String = "i") -> String { sub(hat, mi(i)) }
    static let half = frac(mn("1"), mn("2"))
    static let mean = frac(mn("1"), mi("n"))
    static let minus = mo("−")
    static let delta = mi("δ")
    static func sum(_ from: String = "i", _ to: String = "n") -> String {
        "<munderover><mo>∑</mo>\(row(mi(from), mo("="), mn("1")))\(mi(to))</munderover>"
    }
    static func maxZero(_ s: String) -> String { row(name("max"), paren(row(mn("0"), mo(","), s))) }
    static func log(_ s: String) -> String { row(name("log"), mo("&#x2061;"), s) }

    static let mse = math(name("MSE") + mo("=") + mean + sum() + sup(paren(yi() + minus + yhati()), mn("2")))
    static let mae = math(name("MAE") + mo("=") + mean + sum() + abs(yi() + minus + yhati()))
    static func huber(otherwise: String, condition: String) -> String {
        let e = abs(y + minus + hat)
        let quad = half + sup(paren(y + minus + hat), mn("2"))
        let lin = delta + paren(e + minus + half + delta)
        let table = "<mtable><mtr><mtd columnalign=\"left\">\(quad)</mtd><mtd columnalign=\"left\">\(row(text(condition), "<mspace width=\"0.4em\"/>", e, mo("≤"), delta))</mtd></mtr>"
            + "<mtr><mtd columnalign=\"left\">\(lin)</mtd><mtd columnalign=\"left\">\(text(otherwise))</mtd></mtr></mtable>"
        return math(sub(mi("L"), delta) + paren(y + mo(",") + hat) + mo("=") + row("<mo>{</mo>", table))
    }
    static let logCosh = math(mi("L") + mo("=") + mean + sum() + log(row(name("cosh"), mo("&#x2061;"), paren(yhati() + minus + yi()))))
    static let quantile: String = {
        let r = paren(yi() + minus + yhati())
        return math(sub(mi("L"), mi("τ")) + mo("=") + mean + sum()
                    + row(name("max"), paren(row(mi("τ"), r, mo(","), paren(row(mi("τ"), minus, mn("1"))), r))))
    }()
    static let bce = math(name("BCE") + mo("=") + mo("−") + mean + sum()
                          + bracket(yi() + log(yhati()) + mo("+") + paren(mn("1") + minus + yi()) + log(paren(mn("1") + minus + yhati()))))
    static let cce = math(name("CCE") + mo("=") + mo("−") + mean + sum() + sum("j", "C")
                          + sub(y, row(mi("i"), mi("j"))) + log(sub(hat, row(mi("i"), mi("j")))))
    static let sparseCCE = math(name("SCCE") + mo("=") + mo("−") + mean + sum() + log(sub(hat, row(mi("i"), mo(","), sub(mi("c"), mi("i"))))))
    static let hinge = math(mi("L") + mo("=") + maxZero(row(mn("1"), minus, y, mo("·"), hat)))
    static let squaredHinge = math(mi("L") + mo("=") + sup(maxZero(row(mn("1"), minus, y, mo("·"), hat)), mn("2")))
    static let focal = math(name("FL") + paren(sub(mi("p"), mi("t"))) + mo("=") + mo("−") + sub(mi("α"), mi("t"))
                            + sup(paren(mn("1") + minus + sub(mi("p"), mi("t"))), mi("γ")) + log(sub(mi("p"), mi("t"))))
    static let contrastive = math(mi("L") + mo("=") + paren(mn("1") + minus + y) + half + sup(mi("D"), mn("2"))
                                  + mo("+") + y + half + sup(maxZero(row(mi("m"), minus, mi("D"))), mn("2")))
    static let triplet = math(mi("L") + mo("=") + maxZero(row(mi("D"), paren(row(mi("a"), mo(","), mi("p"))), minus, mi("D"),
                                                              paren(row(mi("a"), mo(","), mi("n"))), mo("+"), mi("m"))))
}

import Scenarios

/// The page's numbered equations: every formula, an article's own and each `::: formula` block,
/// numbered from 1 in the page's order (a section's introduction, then each article: its formula,
/// the blocks before its lists, the blocks after them). Each has a page id made from the article
/// (or section) it stands in: `eq-huber` for the first, `eq-hinge-2` for the second, and so on;
/// a cross-reference `[#eq:hinge-2]` names it without the `eq-`.
enum Equations {
    /// One equation: its id without `eq-` and the title of the article (or section) it is in.
    struct Entry: Sendable, Equatable {
        var id: String
        var place: LocalizedText
    }

    /// The id (without `eq-`) of the `k`-th formula (from 1) of the article or section `place`.
    static func id(_ place: String, _ k: Int) -> String { k == 1 ? place : "\(place)-\(k)" }

    /// The page id of an equation.
    static func anchor(_ id: String) -> String { "eq-" + id }

    /// Every equation of the page, in its order.
    static func all(in sections: [ContentSection]) -> [Entry] {
        var out: [Entry] = []
        for section in sections {
            let intro = section.intro.filter(isFormula).count
            out += (0..<intro).map { Entry(id: id(section.id, $0 + 1), place: section.title) }
            for article in section.articles {
                let count = (article.formula == nil ? 0 : 1) + (article.body + article.after).filter(isFormula).count
                out += (0..<count).map { Entry(id: id(article.id, $0 + 1), place: article.title) }
            }
        }
        return out
    }

    static func isFormula(_ block: ContentBlock) -> Bool {
        if case .formula = block { return true }
        return false
    }
}

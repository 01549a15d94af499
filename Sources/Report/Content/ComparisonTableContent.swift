import Scenarios

/// The comparison table, corrected where the guide's marks are off.
enum ComparisonTableContent {
    static func t(_ en: String, _ uk: String) -> LocalizedText { LocalizedText(en: en, uk: uk) }
    static let yes = t("yes", "так"), no = t("no", "ні"), na = t("—", "—")

    static let section = ContentSection(
        id: "comparison",
        title: LocalizedText(en: "The losses side by side", uk: "Порівняльна таблиця"),
        intro: [
            .table(ContentTable(
                caption: t("Which loss for which task, at a glance", "Яка втрата для якої задачі — коротко"),
                columns: [t("Loss", "Втрата"), t("Task", "Задача"), t("Robust to outliers", "Стійка до викидів"),
                          t("Smooth", "Гладка"), t("Use it for", "Для чого")],
                rows: [
                    [t("MSE", "MSE"), t("regression", "регресія"), no, yes, t("the default, no outliers", "типовий вибір, без викидів")],
                    [t("MAE", "MAE"), t("regression", "регресія"), yes, t("no (kink at 0)", "ні (злам у 0)"), t("outliers, the median", "викиди, медіана")],
                    [t("Huber", "Huber"), t("regression", "регресія"), yes, t("once", "один раз"), t("a balance of MSE and MAE", "баланс MSE і MAE")],
                    [t("Log-cosh", "Log-cosh"), t("regression", "регресія"), yes, yes, t("Huber without δ", "Huber без δ")],
                    [t("Quantile", "Квантильна"), t("regression", "регресія"), yes, t("no (kink at 0)", "ні (злам у 0)"), t("intervals, asymmetric costs", "інтервали, асиметрична ціна")],
                    [t("Binary CE", "Бінарна CE"), t("two classes", "два класи"), na, yes, t("binary classification", "бінарна класифікація")],
                    [t("Categorical CE", "Категоріальна CE"), t("many classes", "багато класів"), na, yes, t("multiclass classification", "багатокласова класифікація")],
                    [t("Hinge", "Hinge"), t("two classes", "два класи"), t("partly (linear)", "частково (лінійна)"), t("no (kink at margin)", "ні (злам на відступі)"), t("SVMs, a margin", "SVM, відступ")],
                    [t("Focal", "Focal"), t("imbalanced classes", "незбалансовані класи"), na, yes, t("rare classes, detection", "рідкісні класи, детекція")],
                    [t("Contrastive", "Контрастивна"), t("metric learning", "навчання метрик"), na, t("almost (kink at D = m)", "майже (злам у D = m)"), t("Siamese networks", "сіамські мережі")],
                    [t("Triplet", "Triplet"), t("metric learning", "навчання метрик"), na, t("no (kink at margin)", "ні (злам на відступі)"), t("face recognition, search", "розпізнавання облич, пошук")],
                ])),
            .note(title: UIText.slip, body: [
                LocalizedText(en: "The guide marks triplet loss (and contrastive loss) as smooth. Triplet loss is `max(0, …)`, a hinge on the difference of distances, with the same kink as hinge loss; contrastive loss squares its hinge, which removes the kink in the loss but leaves one in its second derivative. The table also adds log-cosh and quantile loss, which the guide discusses but leaves out of its table.",
                              uk: "Посібник позначає triplet loss (і контрастивну втрату) як гладкі. Triplet loss — це `max(0, …)`, тобто hinge від різниці відстаней, із таким самим зламом, як у hinge loss; контрастивна втрата підносить свій hinge до квадрата, що прибирає злам у самій втраті, але лишає його в другій похідній. Таблиця також додає log-cosh і квантильну втрату, які посібник розглядає, але в таблицю не вносить."),
            ], slip: true),
        ]
    )
}

import Scenarios

/// The guide's closing experiment, what its conclusion gets wrong, and the robust comparison.
enum RegressionComparisonContent {
    static let section = ContentSection(
        id: "regression-comparison",
        title: DocumentSection.regressionComparison.title,
        documentSection: .regressionComparison,
        intro: [
            .paragraph(LocalizedText(
                en: "The guide ends with an experiment: 100 points on a noisy line, five of them moved by ±100, a 70/30 train/test split, and three scikit-learn models fitted to the training part.",
                uk: "Посібник завершується експериментом: 100 точок на зашумленій прямій, п’ять із них зсунуто на ±100, поділ 70/30 на навчальну й тестову частини і три моделі scikit-learn, навчені на навчальній частині.")),
        ],
        articles: [documentRun, slip, robustRun]
    )

    static let documentRun = Article(
        id: "document-comparison",
        title: LocalizedText(en: "The guide's comparison", uk: "Порівняння з посібника"),
        body: [
            .paragraph(LocalizedText(
                en: "`LinearRegression` minimises squared error. `Ridge(alpha=1.0)` minimises squared error plus `α‖w‖²`, and `Lasso(alpha=1.0)` minimises squared error (halved and averaged) plus `α‖w‖₁`. The test scores come out almost identical: MSE about 801 to 804, MAE about 16.1 for all three.",
                uk: "`LinearRegression` мінімізує квадратичну помилку. `Ridge(alpha=1.0)` мінімізує квадратичну помилку плюс `α‖w‖²`, а `Lasso(alpha=1.0)` — квадратичну помилку (поділену навпіл і усереднену) плюс `α‖w‖₁`. Тестові оцінки виходять майже однаковими: MSE приблизно від 801 до 804, MAE близько 16,1 для всіх трьох.")),
        ],
        scenarioIDs: ["regression-outliers"],
        codeBlocks: [22]
    )

    static let slip = Article(
        id: "conclusion-slip",
        title: LocalizedText(en: "Why “Lasso is more robust” does not follow", uk: "Чому «Lasso стійкіша» не випливає з результатів"),
        body: [
            .note(title: UIText.slip, body: [
                LocalizedText(en: "The guide concludes that MSE (linear regression) suffers from outliers while “L1 regularisation (Lasso) is more robust”. That confuses two different uses of L1. Lasso's L1 is a **penalty on the weights**; robustness to outliers comes from an L1-like **loss on the residuals**. All three models score their residuals with the same squared error, so each outlier pulls on all three in the same way.",
                              uk: "Посібник робить висновок, що MSE (лінійна регресія) страждає від викидів, а «L1-регуляризація (Lasso) стійкіша». Тут сплутано два різні застосування L1. L1 у Lasso — це **штраф на ваги**; стійкість до викидів дає L1-подібна **втрата на залишках**. Усі три моделі оцінюють залишки однією й тією самою квадратичною помилкою, тож кожен викид тягне їх однаково."),
            ], slip: true),
            .list([
                LocalizedText(en: "The numbers do not support it either: Lasso's test MSE is the highest of the three, and its MAE is lower by 0.04 out of 16, well inside what a different split or seed would change.",
                              uk: "Числа цього теж не підтверджують: тестова MSE у Lasso найбільша з трьох, а MAE менша на 0,04 із 16 — це значно менше, ніж змінилося б від іншого поділу чи зерна генератора."),
                LocalizedText(en: "With one feature and 70 points, a penalty of `α = 1` barely shrinks the slope, so the three fitted lines nearly coincide, as the chart shows.",
                              uk: "З однією ознакою і 70 точками штраф `α = 1` ледь зменшує нахил, тож три прямі майже збігаються, що й видно на графіку."),
                LocalizedText(en: "The test set contains outliers too, and squared error on them dominates every model's test MSE. To see robustness, compare the fitted slope with the true one, or score on the clean points.",
                              uk: "Тестова вибірка теж містить викиди, і квадратична помилка на них домінує в тестовій MSE кожної моделі. Щоб побачити стійкість, порівнюйте навчений нахил зі справжнім або оцінюйте на чистих точках."),
            ]),
        ]
    )

    static let robustRun = Article(
        id: "robust-comparison",
        title: LocalizedText(en: "What the section meant: losses on the residuals", uk: "Що мав на увазі розділ: втрати на залишках"),
        body: [
            .paragraph(LocalizedText(
                en: "The comparison the section was reaching for keeps the data and the split and changes the loss on the residuals instead of the penalty on the weights: squared error against Huber and absolute-error fits. A robust loss lets the outliers pull only with bounded force, so its line stays close to the bulk of the points and to the true slope.",
                uk: "Порівняння, до якого прагнув розділ, зберігає дані й поділ, але змінює втрату на залишках, а не штраф на ваги: квадратична помилка проти моделей із втратами Huber та абсолютною помилкою. Стійка втрата дозволяє викидам тягнути лише з обмеженою силою, тож її пряма лишається близько до основної маси точок і до справжнього нахилу.")),
        ],
        scenarioIDs: ["regression-robust"]
    )
}

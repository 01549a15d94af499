import Scenarios

/// What a loss function is, what it is for, and the questions that pick one.
enum IntroContent {
    static let section = ContentSection(
        id: "what-is-a-loss",
        title: LocalizedText(en: "What a loss function is", uk: "Що таке функція втрат"),
        intro: [
            .paragraph(LocalizedText(
                en: "A loss function turns the gap between what a model predicts and what actually happened into one number. Training is a search for the parameters that make that number small, so the loss is, quite literally, the definition of “good” the model is taught.",
                uk: "Функція втрат перетворює розрив між передбаченням моделі та реальністю на одне число. Навчання — це пошук параметрів, за яких це число мале, тож функція втрат буквально задає, що для моделі означає «добре».")),
            .paragraph(LocalizedText(
                en: "Two models trained on the same data with different losses learn different things. Squared error learns the conditional mean, absolute error the median, a quantile loss any chosen quantile; cross-entropy learns probabilities, hinge loss only a boundary with a margin. Choosing the loss is choosing what the model should care about.",
                uk: "Дві моделі, навчені на тих самих даних з різними втратами, вчаться різного. Квадратична помилка веде до умовного середнього, абсолютна — до медіани, квантильна — до обраного квантиля; крос-ентропія вчить імовірностей, а hinge loss — лише межі з відступом. Обрати втрату означає обрати, на чому модель зосередиться.")),
            .list([
                LocalizedText(en: "**Optimisation**: the loss is what gradient descent minimises; its gradient is the only signal the parameters ever receive.",
                              uk: "**Оптимізація**: саме втрату мінімізує градієнтний спуск; її градієнт — єдиний сигнал, який отримують параметри."),
                LocalizedText(en: "**Behaviour**: how the loss grows with the error decides how much an outlier, a rare class or an easy example can pull the model.",
                              uk: "**Поведінка**: те, як втрата зростає з помилкою, визначає, наскільки сильно модель тягнуть викид, рідкісний клас чи легкий приклад."),
                LocalizedText(en: "**Business goals**: a custom loss can price errors the way they cost in practice, for instance under-forecasting stock more than over-forecasting it.",
                              uk: "**Бізнес-цілі**: власна втрата може оцінювати помилки так, як вони коштують насправді, наприклад карати недопрогноз запасів сильніше за перепрогноз."),
                LocalizedText(en: "**Regularisation**: penalties on the weights are added to the loss; they change the model, not how residuals are scored (this matters in the last section).",
                              uk: "**Регуляризація**: штрафи на ваги додаються до втрати; вони змінюють модель, але не те, як оцінюються залишки (це важливо в останньому розділі)."),
            ]),
            .paragraph(LocalizedText(en: "Four questions narrow the choice quickly:", uk: "Чотири питання швидко звужують вибір:")),
            .definitions([
                Definition(term: LocalizedText(en: "Is the target a number or a class?", uk: "Ціль — число чи клас?"), detail:
                 LocalizedText(en: "Numbers: a regression loss (MSE, MAE, Huber, log-cosh, quantile). Classes: a classification loss (cross-entropy, hinge, focal).",
                               uk: "Число: втрата для регресії (MSE, MAE, Huber, log-cosh, квантильна). Клас: втрата для класифікації (крос-ентропія, hinge, focal).")),
                Definition(term: LocalizedText(en: "Two classes or many?", uk: "Два класи чи багато?"), detail:
                 LocalizedText(en: "Two: binary cross-entropy on one probability. Many: categorical cross-entropy on a softmax, with one-hot or integer (sparse) labels.",
                               uk: "Два: бінарна крос-ентропія на одній імовірності. Багато: категоріальна крос-ентропія на softmax з one-hot або цілочисловими (sparse) мітками.")),
                Definition(term: LocalizedText(en: "Are there outliers?", uk: "Чи є викиди?"), detail:
                 LocalizedText(en: "Then a loss that grows only linearly for large errors (MAE, Huber, log-cosh) keeps a few bad points from steering the fit.",
                               uk: "Тоді втрата, що для великих помилок зростає лише лінійно (MAE, Huber, log-cosh), не дасть кільком поганим точкам керувати моделлю.")),
                Definition(term: LocalizedText(en: "Do all errors cost the same?", uk: "Чи всі помилки коштують однаково?"), detail:
                 LocalizedText(en: "If not, weight them: class weights, focal loss for rare classes, a quantile loss for asymmetric costs, or a custom loss.",
                               uk: "Якщо ні — зважте їх: ваги класів, focal loss для рідкісних класів, квантильна втрата для асиметричної ціни помилок або власна втрата.")),
            ]),
            .paragraph(LocalizedText(
                en: "The guide groups the losses into three families, and so does this report: regression losses, classification losses and advanced (metric-learning and custom) losses.",
                uk: "Посібник ділить втрати на три родини, і цей звіт теж: втрати для регресії, для класифікації та просунуті (навчання метрик і власні втрати).")),
        ]
    )
}

import Scenarios

/// Practical advice: choosing, custom losses, class weights, combining losses.
enum PracticeContent {
    static let section = ContentSection(
        id: "practice",
        title: DocumentSection.practice.title,
        documentSection: .practice,
        articles: [choosing, custom, weighting, combining]
    )

    static let choosing = Article(
        id: "choosing",
        title: LocalizedText(en: "Choosing a loss", uk: "Вибір функції втрат"),
        body: [
            .definitions([
                Definition(term: LocalizedText(en: "Regression", uk: "Регресія"), detail:
                 LocalizedText(en: "MSE by default; MAE or Huber when outliers are present; quantile loss when you need a given quantile or an interval.",
                               uk: "MSE за замовчуванням; MAE або Huber, коли є викиди; квантильна втрата, коли потрібен певний квантиль чи інтервал.")),
                Definition(term: LocalizedText(en: "Binary classification", uk: "Бінарна класифікація"), detail:
                 LocalizedText(en: "Binary cross-entropy by default; focal loss under strong class imbalance; hinge loss when a margin matters more than probabilities.",
                               uk: "Бінарна крос-ентропія за замовчуванням; focal loss за сильного дисбалансу класів; hinge loss, коли відступ важливіший за ймовірності.")),
                Definition(term: LocalizedText(en: "Multiclass classification", uk: "Багатокласова класифікація"), detail:
                 LocalizedText(en: "Categorical cross-entropy (sparse when labels are integers); class-weighted cross-entropy or focal loss when classes are imbalanced.",
                               uk: "Категоріальна крос-ентропія (sparse для цілочислових міток); зважена крос-ентропія або focal loss, коли класи незбалансовані.")),
                Definition(term: LocalizedText(en: "Similarity", uk: "Схожість"), detail:
                 LocalizedText(en: "Contrastive loss for labelled pairs, triplet loss for rankings.",
                               uk: "Контрастивна втрата для розмічених пар, triplet loss для ранжування.")),
            ]),
            .paragraph(LocalizedText(
                en: "Whatever you train with, also report a metric people understand (MAE in the target's units, accuracy, recall on the rare class): the training loss and the evaluation metric need not be the same.",
                uk: "Хоч би з якою втратою ви навчали, звітуйте також метрику, зрозумілу людям (MAE в одиницях цілі, точність, повноту на рідкісному класі): втрата для навчання і метрика оцінювання не зобов’язані збігатися.")),
        ]
    )

    static let custom = Article(
        id: "custom-losses",
        title: LocalizedText(en: "Custom losses", uk: "Власні функції втрат"),
        body: [
            .paragraph(LocalizedText(
                en: "Any differentiable function of the labels and predictions can be a loss. The guide's Keras example adds a penalty on large predictions to MSE: `mean((y − ŷ)²) + 0.1 · mean(ŷ²)`. The penalty pulls every prediction towards zero, a form of shrinkage on the outputs rather than on the weights.",
                uk: "Будь-яка диференційовна функція міток і передбачень може бути втратою. Приклад посібника на Keras додає до MSE штраф за великі передбачення: `mean((y − ŷ)²) + 0.1 · mean(ŷ²)`. Штраф тягне кожне передбачення до нуля — це стискання виходів, а не ваг.")),
            .list([
                LocalizedText(en: "Write it with the framework's tensor operations so gradients flow automatically.", uk: "Пишіть її операціями фреймворку над тензорами, щоб градієнти обчислювалися автоматично."),
                LocalizedText(en: "Check its value and gradient on a few hand-computed cases before training.", uk: "Перед навчанням перевірте її значення й градієнт на кількох прикладах, пораханих вручну."),
                LocalizedText(en: "Keep it on a sensible scale: a term that is 1000 times larger than the others silently decides everything.", uk: "Тримайте її в розумному масштабі: доданок, у тисячу разів більший за інші, мовчки вирішує все."),
            ]),
        ]
    )

    static let weighting = Article(
        id: "class-weights",
        title: LocalizedText(en: "Weighting imbalanced classes", uk: "Ваги для незбалансованих класів"),
        body: [
            .paragraph(LocalizedText(
                en: "Instead of changing the loss, change how much each example counts. scikit-learn's `compute_class_weight('balanced', …)` gives each class the weight `n_samples / (n_classes · n_in_class)`, so that every class contributes the same total; Keras takes the result through `model.fit(…, class_weight=…)`.",
                uk: "Замість змінювати втрату, можна змінити, скільки важить кожен приклад. `compute_class_weight('balanced', …)` у scikit-learn дає кожному класу вагу `n_samples / (n_classes · n_in_class)`, щоб кожен клас робив однаковий загальний внесок; Keras приймає результат через `model.fit(…, class_weight=…)`.")),
            .paragraph(LocalizedText(
                en: "Weights shift the decision threshold and the predicted probabilities with it: after weighting, a predicted 0.5 no longer means a 50% chance. Recalibrate if probabilities matter.",
                uk: "Ваги зсувають поріг рішення, а з ним і передбачені ймовірності: після зважування передбачені 0,5 уже не означають шансу 50%. Якщо ймовірності важливі, відкалібруйте їх знову.")),
        ]
    )

    static let combining = Article(
        id: "combining-losses",
        title: LocalizedText(en: "Combining losses", uk: "Комбінування втрат"),
        body: [
            .paragraph(LocalizedText(
                en: "A weighted sum such as `α · MSE + (1 − α) · MAE` mixes the behaviours of its parts, much as Huber does with a switch. Multi-task models add one loss per head in the same way.",
                uk: "Зважена сума, наприклад `α · MSE + (1 − α) · MAE`, змішує поведінку складників — приблизно як Huber, лише без перемикача. Моделі з кількома задачами так само додають по одній втраті на кожну «голову».")),
            .paragraph(LocalizedText(
                en: "The weights only mean something relative to the scales of the parts. MSE is in squared units and MAE in plain units, so `α = 0.5` rarely means “half and half”; normalise the parts or tune `α` on validation data.",
                uk: "Ваги мають зміст лише відносно масштабів складників. MSE вимірюється в квадратних одиницях, а MAE — у звичайних, тож `α = 0.5` рідко означає «навпіл»; нормалізуйте складники або підбирайте `α` на валідаційних даних.")),
        ]
    )
}

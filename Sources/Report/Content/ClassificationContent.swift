import Scenarios

/// Losses for class labels: binary and categorical cross-entropy, sparse labels, hinge, focal.
enum ClassificationContent {
    static let section = ContentSection(
        id: "classification",
        title: DocumentSection.classification.title,
        documentSection: .classification,
        intro: [
            .paragraph(LocalizedText(
                en: "A classifier's output is scored against a label. Cross-entropy losses read the output as a probability and charge `−log` of the probability given to the right answer; margin losses such as hinge read it as a raw score and ask for the right sign with room to spare.",
                uk: "Вихід класифікатора порівнюють із міткою. Крос-ентропійні втрати читають вихід як імовірність і беруть `−log` імовірності, відданої правильній відповіді; втрати з відступом, як hinge, читають його як «сирий» бал і вимагають правильного знака із запасом.")),
        ],
        articles: [bce, cce, sparseCCE, hinge, focal]
    )

    static let bce = Article(
        id: "binary-cross-entropy",
        title: LocalizedText(en: "Binary cross-entropy (log loss)", uk: "Бінарна крос-ентропія (log loss)"),
        formula: LocalizedText(Formulas.bce),
        symbols: [LocalizedText(en: "`yᵢ ∈ {0, 1}` is the true class, `ŷᵢ ∈ (0, 1)` the predicted probability of class 1. Gradient with respect to `ŷᵢ`: `−(yᵢ/ŷᵢ − (1 − yᵢ)/(1 − ŷᵢ))/n`; with respect to the logit before the sigmoid it is simply `(ŷᵢ − yᵢ)/n`.",
                                uk: "`yᵢ ∈ {0, 1}` — справжній клас, `ŷᵢ ∈ (0, 1)` — передбачена ймовірність класу 1. Градієнт за `ŷᵢ`: `−(yᵢ/ŷᵢ − (1 − yᵢ)/(1 − ŷᵢ))/n`; за логітом до сигмоїди — просто `(ŷᵢ − yᵢ)/n`.")],
        body: [
            .paragraph(LocalizedText(
                en: "Only one of the two terms is active for each example: `−log ŷ` when the label is 1, `−log(1 − ŷ)` when it is 0. The cost is small for a confident right answer and grows without bound for a confident wrong one:",
                uk: "Для кожного прикладу активний лише один із двох доданків: `−log ŷ`, коли мітка 1, і `−log(1 − ŷ)`, коли 0. Впевнена правильна відповідь коштує мало, а впевнена хибна — необмежено багато:")),
            .example(LocalizedText(
                en: "true class 1\nŷ = 0.9    −log 0.9  ≈ 0.11   small\nŷ = 0.5    −log 0.5  ≈ 0.69   medium\nŷ = 0.1    −log 0.1  ≈ 2.30   large\nŷ = 0.01   −log 0.01 ≈ 4.61   very large",
                uk: "справжній клас 1\nŷ = 0.9    −log 0.9  ≈ 0.11   мала\nŷ = 0.5    −log 0.5  ≈ 0.69   середня\nŷ = 0.1    −log 0.1  ≈ 2.30   велика\nŷ = 0.01   −log 0.01 ≈ 4.61   дуже велика")),
            .paragraph(LocalizedText(
                en: "The guide clips predictions to `[10⁻¹⁵, 1 − 10⁻¹⁵]` to avoid `log 0`. Frameworks do better by taking logits and computing `log σ(z)` directly (`BCEWithLogitsLoss`, `from_logits=True`), which is both exact and stable.",
                uk: "Посібник обрізає передбачення до `[10⁻¹⁵, 1 − 10⁻¹⁵]`, щоб уникнути `log 0`. Фреймворки роблять краще: приймають логіти й обчислюють `log σ(z)` напряму (`BCEWithLogitsLoss`, `from_logits=True`), що і точно, і стабільно.")),
        ],
        pros: [
            LocalizedText(en: "Rewards calibrated probabilities: it is the likelihood of a Bernoulli model.", uk: "Заохочує калібровані ймовірності: це правдоподібність бернуллієвої моделі."),
            LocalizedText(en: "Strong gradients exactly where the model is confidently wrong.", uk: "Сильні градієнти саме там, де модель упевнено помиляється."),
            LocalizedText(en: "Convex in the weights of logistic regression.", uk: "Опукла за вагами логістичної регресії."),
        ],
        cons: [
            LocalizedText(en: "A few mislabelled examples can cost a lot, since a confident “mistake” is punished without limit.", uk: "Кілька хибно розмічених прикладів можуть коштувати дуже дорого, бо впевнена «помилка» карається без меж."),
            LocalizedText(en: "On imbalanced data the many easy negatives dominate the total.", uk: "На незбалансованих даних суму визначають численні легкі негативні приклади."),
        ],
        useWhen: [
            LocalizedText(en: "Binary classification: logistic regression, a sigmoid output layer.", uk: "Бінарна класифікація: логістична регресія, вихідний шар із сигмоїдою."),
            LocalizedText(en: "Multi-label problems (one sigmoid and one BCE per label).", uk: "Задачі з кількома мітками (окрема сигмоїда і BCE на кожну мітку)."),
            LocalizedText(en: "You need probabilities you can threshold or rank.", uk: "Потрібні ймовірності, які можна порогувати або ранжувати."),
        ],
        scenarioIDs: ["binary-cross-entropy"],
        codeBlocks: [8, 9]
    )

    static let cce = Article(
        id: "categorical-cross-entropy",
        title: LocalizedText(en: "Categorical cross-entropy", uk: "Категоріальна крос-ентропія"),
        formula: LocalizedText(Formulas.cce),
        symbols: [LocalizedText(en: "`C` classes; `yᵢⱼ` is 1 for the true class of example `i` and 0 otherwise (one-hot); `ŷᵢⱼ` is the predicted probability of class `j`, usually from a softmax.",
                                uk: "`C` класів; `yᵢⱼ` дорівнює 1 для справжнього класу прикладу `i` і 0 для решти (one-hot); `ŷᵢⱼ` — передбачена ймовірність класу `j`, зазвичай після softmax.")],
        body: [
            .paragraph(LocalizedText(
                en: "The one-hot label switches off every term but one, so each example costs `−log` of the probability given to its true class. For the label `[0, 1, 0]` and the prediction `[0.1, 0.7, 0.2]` that is `−log 0.7 ≈ 0.357`; how the remaining 0.3 is split between the wrong classes does not matter.",
                uk: "Мітка one-hot вимикає всі доданки, крім одного, тож кожен приклад коштує `−log` імовірності, відданої справжньому класу. Для мітки `[0, 1, 0]` і передбачення `[0.1, 0.7, 0.2]` це `−log 0.7 ≈ 0,357`; як решта 0,3 розподілена між хибними класами, не має значення.")),
            .paragraph(LocalizedText(
                en: "Combined with a softmax, the gradient with respect to the logits is just `ŷ − y`, which is why frameworks fuse the two and expect logits.",
                uk: "У парі з softmax градієнт за логітами дорівнює просто `ŷ − y`, тому фреймворки об’єднують їх і очікують логіти.")),
        ],
        pros: [
            LocalizedText(en: "The natural generalisation of BCE to many classes, with the same probabilistic meaning.", uk: "Природне узагальнення BCE на багато класів із тим самим імовірнісним змістом."),
            LocalizedText(en: "Simple, well-behaved gradients with softmax.", uk: "Прості й стабільні градієнти разом із softmax."),
        ],
        cons: [
            LocalizedText(en: "Assumes exactly one true class per example.", uk: "Припускає рівно один справжній клас на приклад."),
            LocalizedText(en: "Over-confident models are rewarded; label smoothing or calibration may be needed.", uk: "Заохочує надмірну впевненість; може знадобитися згладжування міток або калібрування."),
        ],
        useWhen: [
            LocalizedText(en: "Multiclass classification with one-hot labels and a softmax output.", uk: "Багатокласова класифікація з мітками one-hot і виходом softmax."),
        ],
        codeBlocks: [10]
    )

    static let sparseCCE = Article(
        id: "sparse-categorical-cross-entropy",
        title: LocalizedText(en: "Sparse categorical cross-entropy", uk: "Розріджена (sparse) категоріальна крос-ентропія"),
        formula: LocalizedText(Formulas.sparseCCE),
        symbols: [LocalizedText(en: "`cᵢ` is the index of the true class of example `i`.", uk: "`cᵢ` — індекс справжнього класу прикладу `i`.")],
        body: [
            .paragraph(LocalizedText(
                en: "The same loss with the label stored as a class index instead of a one-hot vector: pick the predicted probability at that index and take `−log`. The guide's two examples encode the same labels both ways and print the same value, 0.3635. With thousands of classes the index saves memory and work.",
                uk: "Та сама втрата, але мітку зберігають як індекс класу, а не як вектор one-hot: беремо передбачену ймовірність за цим індексом і `−log` від неї. Два приклади посібника кодують ті самі мітки обома способами й друкують однакове значення 0,3635. Для тисяч класів індекс заощаджує пам’ять і обчислення.")),
        ],
        useWhen: [
            LocalizedText(en: "Labels are integers (most datasets store them that way).", uk: "Мітки — цілі числа (так їх зберігає більшість наборів даних)."),
        ],
        codeBlocks: [11]
    )

    static let hinge = Article(
        id: "hinge",
        title: LocalizedText(en: "Hinge loss (SVM)", uk: "Hinge loss (SVM)"),
        formula: LocalizedText(Formulas.hinge),
        symbols: [
            LocalizedText(en: "`y ∈ {−1, +1}` (not 0/1), `ŷ ∈ ℝ` is a raw score, not a probability.", uk: "`y ∈ {−1, +1}` (не 0/1), `ŷ ∈ ℝ` — «сирий» бал, а не ймовірність."),
        ],
        body: [
            .paragraph(LocalizedText(
                en: "Hinge loss asks for more than the right side of the boundary: the score times the label has to reach 1. Beyond that margin the loss is exactly zero and the example stops influencing the model; inside it, the loss grows linearly.",
                uk: "Hinge loss вимагає більшого, ніж правильний бік межі: добуток балу на мітку має сягнути 1. За цим відступом втрата дорівнює нулю, і приклад перестає впливати на модель; усередині відступу втрата зростає лінійно.")),
            .example(LocalizedText(
                en: "true class +1\nŷ = 2     loss 0   right, with margin\nŷ = 1     loss 0   right, on the margin\nŷ = 0     loss 1   on the boundary\nŷ = −1    loss 2   wrong",
                uk: "справжній клас +1\nŷ = 2     втрата 0   правильно, із запасом\nŷ = 1     втрата 0   правильно, на межі відступу\nŷ = 0     втрата 1   на межі класів\nŷ = −1    втрата 2   неправильно")),
            .paragraph(LocalizedText(
                en: "The examples that keep a non-zero loss are the support vectors; everything else could be removed without changing the fit. The squared variant punishes margin violations more and is smooth at the hinge.",
                uk: "Приклади з ненульовою втратою — це опорні вектори; решту можна прибрати, і модель не зміниться. Квадратичний варіант сильніше карає порушення відступу й гладкий у точці зламу.")),
            .formula(LocalizedText(Formulas.squaredHinge)),
        ],
        pros: [
            LocalizedText(en: "Maximises the margin: good generalisation with linear models.", uk: "Максимізує відступ: добре узагальнення для лінійних моделей."),
            LocalizedText(en: "Sparse: well-classified examples cost nothing.", uk: "Розріджена: добре класифіковані приклади нічого не коштують."),
            LocalizedText(en: "Grows linearly, so less sensitive to outliers than a squared loss.", uk: "Зростає лінійно, тож менш чутлива до викидів, ніж квадратична втрата."),
        ],
        cons: [
            LocalizedText(en: "No probabilities; scores need calibration (e.g. Platt scaling) if you want them.", uk: "Не дає ймовірностей; якщо вони потрібні, бали треба калібрувати (наприклад, Platt scaling)."),
            LocalizedText(en: "Not differentiable at `y·ŷ = 1`; labels must be ±1.", uk: "Не диференційовна в `y·ŷ = 1`; мітки мають бути ±1."),
        ],
        useWhen: [
            LocalizedText(en: "Linear SVMs, and whenever a clear margin matters more than probabilities.", uk: "Лінійні SVM і загалом коли чіткий відступ важливіший за ймовірності."),
        ],
        scenarioIDs: ["hinge"],
        codeBlocks: [12, 13]
    )

    static let focal = Article(
        id: "focal",
        title: LocalizedText(en: "Focal loss", uk: "Focal loss"),
        formula: LocalizedText(Formulas.focal),
        symbols: [LocalizedText(en: "`pₜ` is the probability given to the true class, `γ ≥ 0` the focusing parameter (2 is usual), `αₜ` a class weight (the guide uses `α = 0.25` for class 1 and `0.75` for class 0). With `γ = 0` and `αₜ = 1` this is cross-entropy.",
                                uk: "`pₜ` — ймовірність, віддана справжньому класу, `γ ≥ 0` — параметр фокусування (зазвичай 2), `αₜ` — вага класу (у посібнику `α = 0.25` для класу 1 і `0.75` для класу 0). За `γ = 0` і `αₜ = 1` це крос-ентропія.")],
        body: [
            .paragraph(LocalizedText(
                en: "Focal loss multiplies cross-entropy by `(1 − pₜ)^γ`, a factor near 0 for examples the model already gets right and near 1 for those it gets wrong. With `γ = 2`, an example at `pₜ = 0.9` keeps 1% of its cross-entropy, while one at `pₜ = 0.1` keeps 81%. Training attention moves from the flood of easy examples to the few hard ones.",
                uk: "Focal loss множить крос-ентропію на `(1 − pₜ)^γ` — множник, близький до 0 для прикладів, які модель уже розпізнає правильно, і до 1 для тих, де вона помиляється. За `γ = 2` приклад із `pₜ = 0.9` зберігає 1% своєї крос-ентропії, а приклад із `pₜ = 0.1` — 81%. Увага навчання переходить від потоку легких прикладів до небагатьох складних.")),
            .paragraph(LocalizedText(
                en: "The guide's imbalanced example prints BCE 0.1295 and focal loss 0.0020. The smaller number does not mean a better model: the two losses are on different scales. What changes is the relative weight of each example in the gradient.",
                uk: "Незбалансований приклад посібника друкує BCE 0,1295 і focal loss 0,0020. Менше число не означає кращої моделі: ці втрати мають різні масштаби. Змінюється відносна вага кожного прикладу в градієнті.")),
        ],
        pros: [
            LocalizedText(en: "Handles extreme class imbalance without resampling.", uk: "Справляється з сильним дисбалансом класів без перевибірки."),
            LocalizedText(en: "Smooth, and a drop-in replacement for cross-entropy.", uk: "Гладка й може просто замінити крос-ентропію."),
        ],
        cons: [
            LocalizedText(en: "Two hyperparameters (`γ`, `α`) that interact.", uk: "Два гіперпараметри (`γ`, `α`), що впливають один на одного."),
            LocalizedText(en: "Probabilities are less calibrated than with plain cross-entropy.", uk: "Ймовірності гірше калібровані, ніж зі звичайною крос-ентропією."),
        ],
        useWhen: [
            LocalizedText(en: "Dense object detection (it was introduced for RetinaNet) and segmentation with rare classes.", uk: "Щільне виявлення об’єктів (її запропонували для RetinaNet) і сегментація з рідкісними класами."),
            LocalizedText(en: "Easy examples vastly outnumber the informative ones.", uk: "Легких прикладів набагато більше, ніж інформативних."),
        ],
        scenarioIDs: ["focal"],
        codeBlocks: [14, 15]
    )
}

import Scenarios

/// Losses for a numeric target: MSE, MAE, Huber (and its δ), log-cosh, quantile.
enum RegressionContent {
    static let section = ContentSection(
        id: "regression",
        title: DocumentSection.regression.title,
        documentSection: .regression,
        intro: [
            .paragraph(LocalizedText(
                en: "All regression losses below score the residual, the difference between the true value `y` and the prediction `ŷ`. They differ in how fast the score grows as the residual grows, and that growth is what decides how much the worst points steer the fit.",
                uk: "Усі втрати для регресії нижче оцінюють залишок — різницю між справжнім значенням `y` і передбаченням `ŷ`. Вони відрізняються тим, як швидко оцінка зростає разом із залишком, і саме це зростання визначає, наскільки найгірші точки керують моделлю.")),
        ],
        articles: [mse, mae, huber, huberDelta, logCosh, quantile]
    )

    static let mse = Article(
        id: "mse",
        title: LocalizedText(en: "Mean squared error (MSE, L2)", uk: "Середньоквадратична помилка (MSE, L2)"),
        formula: LocalizedText(Formulas.mse),
        symbols: [LocalizedText(en: "`n` examples, true values `yᵢ`, predictions `ŷᵢ`. Gradient with respect to a prediction: `2(ŷᵢ − yᵢ)/n`.",
                                uk: "`n` прикладів, справжні значення `yᵢ`, передбачення `ŷᵢ`. Градієнт за передбаченням: `2(ŷᵢ − yᵢ)/n`.")],
        body: [
            .paragraph(LocalizedText(
                en: "Squaring makes the penalty grow with the square of the miss: an error twice as large costs four times as much. The total is therefore dominated by the largest errors. Five errors of 1 and one error of 5 spread over five points look very different to MSE:",
                uk: "Піднесення до квадрата робить штраф пропорційним квадрату промаху: удвічі більша помилка коштує вчетверо дорожче. Тому сума визначається насамперед найбільшими помилками. П’ять помилок по 1 і одна помилка 5 на п’яти точках для MSE виглядають зовсім по-різному:")),
            .example(LocalizedText(
                en: "errors   [1, 1, 1, 1, 1]   MSE = 5/5  = 1\nerrors   [0, 0, 0, 0, 5]   MSE = 25/5 = 5",
                uk: "помилки  [1, 1, 1, 1, 1]   MSE = 5/5  = 1\nпомилки  [0, 0, 0, 0, 5]   MSE = 25/5 = 5")),
            .paragraph(LocalizedText(
                en: "The gradient is proportional to the error, so steps shrink as the fit improves: pleasant for gradient descent, and the reason linear regression with MSE has a closed-form solution. Minimising MSE gives the mean of the target, and it is the maximum-likelihood loss when the noise is Gaussian.",
                uk: "Градієнт пропорційний помилці, тож кроки меншають у міру наближення до розв’язку: це зручно для градієнтного спуску, і саме тому лінійна регресія з MSE має розв’язок у замкненій формі. Мінімізація MSE дає середнє цілі, і це втрата максимальної правдоподібності для гаусового шуму.")),
        ],
        pros: [
            LocalizedText(en: "Smooth everywhere, with a gradient that fades near the optimum.", uk: "Гладка всюди, а градієнт згасає біля оптимуму."),
            LocalizedText(en: "Statistically grounded: Gaussian noise, the mean as the answer.", uk: "Має статистичне обґрунтування: гаусів шум, середнє як відповідь."),
            LocalizedText(en: "The default in libraries and papers, so results compare easily.", uk: "Стандарт у бібліотеках і статтях, тож результати легко порівнювати."),
        ],
        cons: [
            LocalizedText(en: "One outlier can dominate the total and drag the fit towards itself.", uk: "Один викид може домінувати в сумі й тягнути модель до себе."),
            LocalizedText(en: "Reported in squared units; take the root (RMSE) to read it in the target's units.", uk: "Вимірюється в квадратних одиницях; корінь (RMSE) повертає одиниці цілі."),
            LocalizedText(en: "Large errors give large gradients, which can destabilise training.", uk: "Великі помилки дають великі градієнти, що може розхитати навчання."),
        ],
        useWhen: [
            LocalizedText(en: "You have no strong reason for anything else: it is the default for regression.", uk: "Немає вагомих причин для іншого: це типовий вибір для регресії."),
            LocalizedText(en: "A large error really is much worse than several small ones.", uk: "Велика помилка справді набагато гірша за кілька малих."),
            LocalizedText(en: "Noise is roughly symmetric and light-tailed; linear models and neural networks alike.", uk: "Шум приблизно симетричний і без важких хвостів; і для лінійних моделей, і для нейромереж."),
        ],
        avoidWhen: [
            LocalizedText(en: "The data has outliers you cannot clean: prefer MAE or Huber.", uk: "У даних є викиди, які не вдається прибрати: краще MAE або Huber."),
        ],
        scenarioIDs: ["mse-vs-mae"],
        codeBlocks: [0, 1]
    )

    static let mae = Article(
        id: "mae",
        title: LocalizedText(en: "Mean absolute error (MAE, L1)", uk: "Середня абсолютна помилка (MAE, L1)"),
        formula: LocalizedText(Formulas.mae),
        symbols: [LocalizedText(en: "Gradient: `sign(ŷᵢ − yᵢ)/n`; at a residual of exactly zero any value in `[−1/n, 1/n]` is a valid subgradient (numpy's `sign` picks 0).",
                                uk: "Градієнт: `sign(ŷᵢ − yᵢ)/n`; для нульового залишку будь-яке значення з `[−1/n, 1/n]` є субградієнтом (`sign` у numpy дає 0).")],
        body: [
            .paragraph(LocalizedText(
                en: "Absolute error grows linearly: an error twice as large costs twice as much, no more. The two error patterns above now score the same, 1.0 each, so no single point can take over the total.",
                uk: "Абсолютна помилка зростає лінійно: удвічі більша помилка коштує рівно вдвічі більше. Обидва набори помилок вище тепер мають однакову оцінку, по 1,0, тож жодна окрема точка не захопить суму.")),
            .paragraph(LocalizedText(
                en: "The price is in the gradient: its size is the same for a tiny miss and a huge one. Near the optimum the steps do not shrink on their own, so training tends to oscillate unless the learning rate decays. Minimising MAE gives the median of the target rather than the mean.",
                uk: "Ціна — у градієнті: його величина однакова і для крихітного, і для величезного промаху. Біля оптимуму кроки самі не меншають, тож навчання коливається, якщо крок навчання не зменшувати. Мінімізація MAE дає медіану цілі, а не середнє.")),
            .paragraph(LocalizedText(
                en: "With the guide's outlier example (targets 1, 2, 3, 4, 100 against predictions near 1 to 5) MSE jumps to about 1805 while MAE reads about 19; without the outlier they are 0.02 and 0.14. The printed results below carry the exact figures.",
                uk: "На прикладі посібника з викидом (цілі 1, 2, 3, 4, 100 проти передбачень близько 1–5) MSE стрибає приблизно до 1805, а MAE — близько 19; без викиду це 0,02 і 0,14. Точні числа — у надрукованих результатах нижче.")),
        ],
        pros: [
            LocalizedText(en: "Robust: an outlier adds its distance, not its squared distance.", uk: "Стійка: викид додає свою відстань, а не її квадрат."),
            LocalizedText(en: "In the target's own units, easy to explain (“off by 3 on average”).", uk: "В одиницях цілі, її легко пояснити («в середньому помиляємося на 3»)."),
        ],
        cons: [
            LocalizedText(en: "Not differentiable at zero; optimisers rely on subgradients.", uk: "Не диференційовна в нулі; оптимізатори спираються на субградієнти."),
            LocalizedText(en: "Constant gradient size: slower, noisier convergence near the optimum.", uk: "Сталий розмір градієнта: повільніша й шумніша збіжність біля оптимуму."),
        ],
        useWhen: [
            LocalizedText(en: "The data has outliers or heavy-tailed noise.", uk: "У даних є викиди або шум із важкими хвостами."),
            LocalizedText(en: "Every unit of error costs the same, and you want the median.", uk: "Кожна одиниця помилки коштує однаково, і потрібна медіана."),
        ],
        avoidWhen: [
            LocalizedText(en: "Large errors must be punished more than proportionally: use MSE.", uk: "Великі помилки треба карати більш ніж пропорційно: використайте MSE."),
        ],
        codeBlocks: [2, 3]
    )

    static let huber = Article(
        id: "huber",
        title: LocalizedText(en: "Huber loss", uk: "Функція втрат Huber"),
        formula: LocalizedText(en: Formulas.huber(otherwise: "otherwise", condition: "if "),
                               uk: Formulas.huber(otherwise: "інакше", condition: "якщо ")),
        symbols: [LocalizedText(en: "`δ > 0` is the residual size where the loss switches from quadratic to linear. Gradient: the residual itself, clipped to `[−δ, δ]`.",
                                uk: "`δ > 0` — розмір залишку, на якому втрата переходить від квадратичної до лінійної. Градієнт: сам залишок, обмежений до `[−δ, δ]`.")],
        body: [
            .paragraph(LocalizedText(
                en: "Huber loss is a parabola in the middle and two straight lines outside: half the squared error for small residuals, a line of slope `δ` for large ones. The two pieces meet with the same value and slope, so the curve stays smooth.",
                uk: "Втрата Huber — це парабола посередині й дві прямі обабіч: половина квадрата помилки для малих залишків і пряма з нахилом `δ` для великих. Частини сходяться з однаковими значенням і нахилом, тож крива лишається гладкою.")),
            .paragraph(LocalizedText(
                en: "Small errors therefore get MSE's well-behaved, shrinking gradients, while a large error can never push harder than `δ`. On the guide's outlier example it scores about 18.9, next to MAE's 19.1 and far from MSE's 1805.",
                uk: "Тож малі помилки отримують «слухняні» градієнти MSE, що зменшуються, а велика помилка ніколи не тисне сильніше за `δ`. На прикладі посібника з викидом вона дає близько 18,9 — поруч із 19,1 у MAE і далеко від 1805 у MSE.")),
        ],
        pros: [
            LocalizedText(en: "Robust to outliers like MAE, smooth near zero like MSE.", uk: "Стійка до викидів, як MAE, і гладка біля нуля, як MSE."),
            LocalizedText(en: "Bounded gradient, which keeps training stable.", uk: "Обмежений градієнт, що тримає навчання стабільним."),
        ],
        cons: [
            LocalizedText(en: "One more hyperparameter, `δ`, in the target's units.", uk: "Ще один гіперпараметр, `δ`, в одиницях цілі."),
            LocalizedText(en: "Only once differentiable: the curvature jumps at `±δ` (matters for second-order methods).", uk: "Лише один раз диференційовна: кривина стрибає в `±δ` (важливо для методів другого порядку)."),
        ],
        useWhen: [
            LocalizedText(en: "There are some outliers, but not so many that the median is what you want.", uk: "Викиди є, але не стільки, щоб потрібна була саме медіана."),
            LocalizedText(en: "Noisy regression targets; value estimates in reinforcement learning (as “smooth L1”).", uk: "Зашумлені цілі регресії; оцінки цінності в навчанні з підкріпленням (як «smooth L1»)."),
        ],
        after: [
            .note(title: LocalizedText(en: "Reading the chart", uk: "Як читати графік"), body: [
                LocalizedText(en: "The guide's chart draws MSE as the plain square `e²` but Huber's middle as `½e²`, so near zero the Huber curve sits at half the MSE curve. That is the ½ in the formula, not extra leniency for small errors; with MSE drawn as `½e²` the two would coincide inside `±δ`.",
                              uk: "На графіку посібника MSE намальовано як звичайний квадрат `e²`, а середню частину Huber — як `½e²`, тож біля нуля крива Huber удвічі нижча за MSE. Це та сама ½ із формули, а не додаткова поблажливість до малих помилок; якби MSE малювали як `½e²`, криві всередині `±δ` збіглися б."),
            ], slip: false),
        ],
        scenarioIDs: ["huber"],
        codeBlocks: [4, 5]
    )

    static let huberDelta = Article(
        id: "huber-delta",
        title: LocalizedText(en: "Choosing δ", uk: "Як обрати δ"),
        body: [
            .paragraph(LocalizedText(
                en: "`δ` says which residuals count as ordinary noise (treated quadratically) and which as suspicious (treated linearly). A small `δ` makes Huber behave like a scaled MAE almost everywhere; a large `δ` makes it half the MSE over the whole range the data covers.",
                uk: "`δ` визначає, які залишки вважати звичайним шумом (квадратична частина), а які — підозрілими (лінійна частина). Мале `δ` робить Huber майже всюди схожою на масштабовану MAE; велике `δ` робить її половиною MSE на всьому діапазоні даних.")),
            .list([
                LocalizedText(en: "Start near the typical size of a good residual, e.g. the noise's standard deviation `σ`; `δ ≈ 1.345σ` keeps 95% of MSE's efficiency on clean Gaussian data while capping outliers.",
                              uk: "Почніть із типового розміру «хорошого» залишку, наприклад стандартного відхилення шуму `σ`; `δ ≈ 1.345σ` зберігає 95% ефективності MSE на чистих гаусових даних і водночас обмежує вплив викидів."),
                LocalizedText(en: "Scale the target first, or `δ` has to follow its units.", uk: "Спершу нормалізуйте ціль, інакше `δ` доведеться підлаштовувати під її одиниці."),
                LocalizedText(en: "Treat it as a hyperparameter: compare a few values on validation data.", uk: "Вважайте його гіперпараметром: порівняйте кілька значень на валідаційних даних."),
            ]),
        ],
        scenarioIDs: ["huber-deltas"],
        codeBlocks: [6]
    )

    static let logCosh = Article(
        id: "log-cosh",
        title: LocalizedText(en: "Log-cosh loss", uk: "Функція втрат log-cosh"),
        formula: LocalizedText(Formulas.logCosh),
        symbols: [LocalizedText(en: "`cosh x = (eˣ + e⁻ˣ)/2`. Gradient: `tanh(ŷᵢ − yᵢ)/n`, always between `−1/n` and `1/n`.",
                                uk: "`cosh x = (eˣ + e⁻ˣ)/2`. Градієнт: `tanh(ŷᵢ − yᵢ)/n`, завжди між `−1/n` і `1/n`.")],
        body: [
            .paragraph(LocalizedText(
                en: "For small residuals `log cosh x ≈ x²/2`, like MSE; for large ones `log cosh x ≈ |x| − log 2`, like MAE. It is Huber's idea without a `δ` and without a seam: the curve is smooth to every order, so its gradient `tanh` bends gently from one regime to the other.",
                uk: "Для малих залишків `log cosh x ≈ x²/2`, як MSE; для великих `log cosh x ≈ |x| − log 2`, як MAE. Це ідея Huber без `δ` і без «шва»: крива гладка будь-якого порядку, тож її градієнт `tanh` плавно переходить від одного режиму до іншого.")),
            .paragraph(LocalizedText(
                en: "On the guide's outlier example it scores about 18.87, the lowest of the four, because its linear part sits `log 2 ≈ 0.69` below MAE for every large residual.",
                uk: "На прикладі посібника з викидом вона дає близько 18,87 — найменше з чотирьох, бо її лінійна частина для кожного великого залишку лежить на `log 2 ≈ 0,69` нижче за MAE.")),
        ],
        pros: [
            LocalizedText(en: "Twice differentiable everywhere; no parameter to tune.", uk: "Двічі диференційовна всюди; жодного параметра для налаштування."),
            LocalizedText(en: "Robust to outliers: the gradient is bounded by 1 per example.", uk: "Стійка до викидів: градієнт обмежений одиницею на приклад."),
        ],
        cons: [
            LocalizedText(en: "The switch point is fixed at residuals of about 1: scale the target accordingly.", uk: "Точка переходу зафіксована на залишках близько 1: масштабуйте ціль відповідно."),
            LocalizedText(en: "Computed naively, `cosh` overflows for residuals above about 710; use `|x| + log1p(e^(−2|x|)) − log 2`.", uk: "У наївному обчисленні `cosh` переповнюється для залишків понад ~710; використовуйте `|x| + log1p(e^(−2|x|)) − log 2`."),
        ],
        useWhen: [
            LocalizedText(en: "You want Huber-like robustness with smooth second derivatives (e.g. for gradient-boosting libraries that use the Hessian).",
                          uk: "Потрібна стійкість, як у Huber, але з гладкими другими похідними (наприклад, для бібліотек градієнтного бустингу, що використовують гессіан)."),
        ],
        after: [
            .note(title: UIText.slip, body: [
                LocalizedText(en: "The guide's formula sums over the examples, while its code (and this report) takes the mean. The two differ by the factor `n`; the shape and the minimiser are the same.",
                              uk: "Формула в посібнику підсумовує за прикладами, а його код (і цей звіт) бере середнє. Вони відрізняються множником `n`; форма й точка мінімуму ті самі."),
            ], slip: true),
        ],
        scenarioIDs: ["log-cosh"],
        codeBlocks: [7]
    )

    static let quantile = Article(
        id: "quantile",
        title: LocalizedText(en: "Quantile (pinball) loss", uk: "Квантильна (pinball) функція втрат"),
        formula: LocalizedText(Formulas.quantile),
        symbols: [LocalizedText(en: "`τ ∈ (0, 1)` is the quantile to predict. Residuals above the prediction cost `τ` per unit, residuals below it `1 − τ`.",
                                uk: "`τ ∈ (0, 1)` — квантиль, який треба передбачити. Залишки над передбаченням коштують `τ` за одиницю, під ним — `1 − τ`.")],
        body: [
            .paragraph(LocalizedText(
                en: "The guide lists quantile loss in its map and its advice but never shows it. It is an absolute error with two different slopes: with `τ = 0.9`, predicting too low costs nine times as much as predicting too high, so the best constant prediction is the 90th percentile. At `τ = 0.5` it is half the MAE and predicts the median.",
                uk: "Посібник згадує квантильну втрату в огляді й порадах, але ніде її не показує. Це абсолютна помилка з двома різними нахилами: за `τ = 0.9` занизити прогноз коштує вдев’ятеро дорожче, ніж завищити, тож найкращий сталий прогноз — 90-й перцентиль. За `τ = 0.5` це половина MAE, і прогноз — медіана.")),
        ],
        pros: [
            LocalizedText(en: "Predicts a chosen quantile, not just the centre: two models give a prediction interval.", uk: "Передбачає обраний квантиль, а не лише центр: дві моделі дають інтервал прогнозу."),
            LocalizedText(en: "Encodes asymmetric costs directly; robust like MAE.", uk: "Безпосередньо задає асиметричну ціну помилок; стійка, як MAE."),
        ],
        cons: [
            LocalizedText(en: "Kinked at zero, with MAE's constant-size gradient.", uk: "Має злам у нулі й сталий за величиною градієнт, як у MAE."),
            LocalizedText(en: "Separately trained quantiles can cross; check that the 10% prediction stays below the 90% one.", uk: "Окремо навчені квантилі можуть перетинатися; перевіряйте, що прогноз 10% лишається нижче за 90%."),
        ],
        useWhen: [
            LocalizedText(en: "Forecasting with uncertainty: demand, delivery times, risk.", uk: "Прогнози з невизначеністю: попит, час доставки, ризики."),
            LocalizedText(en: "Under- and over-prediction cost different amounts.", uk: "Заниження й завищення прогнозу коштують по-різному."),
        ],
        scenarioIDs: ["quantile"]
    )
}

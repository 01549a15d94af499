import Scenarios

/// Metric-learning losses (contrastive, triplet) and custom business losses.
enum AdvancedContent {
    static let section = ContentSection(
        id: "advanced",
        title: DocumentSection.advanced.title,
        documentSection: .advanced,
        intro: [
            .paragraph(LocalizedText(
                en: "Metric-learning losses do not score a prediction against a label. They score distances between embeddings, so that similar things end up close together and different things far apart. The embedding is then used for search, verification or clustering.",
                uk: "Втрати для навчання метрик не порівнюють передбачення з міткою. Вони оцінюють відстані між ембедингами, щоб схожі об’єкти опинялися поруч, а різні — далеко. Потім ембединг використовують для пошуку, верифікації чи кластеризації.")),
        ],
        articles: [contrastive, triplet]
    )

    static let contrastive = Article(
        id: "contrastive",
        title: LocalizedText(en: "Contrastive loss", uk: "Контрастивна функція втрат"),
        formula: LocalizedText(Formulas.contrastive),
        symbols: [LocalizedText(en: "`D` is the distance between the two embeddings of a pair, `y = 0` for a similar pair and `1` for a dissimilar one (some libraries use the opposite convention), `m` the margin.",
                                uk: "`D` — відстань між двома ембедингами пари, `y = 0` для схожої пари й `1` для несхожої (деякі бібліотеки мають протилежну домовленість), `m` — відступ.")],
        body: [
            .paragraph(LocalizedText(
                en: "Pairs are trained one at a time. A similar pair is pulled together with a spring, `½D²`. A dissimilar pair is pushed apart only while it is closer than the margin `m`; once it is farther, it costs nothing, so the network does not waste effort pushing already-separated pairs to infinity.",
                uk: "Пари навчаються поодинці. Схожу пару стягує «пружина» `½D²`. Несхожу пару розштовхує лише доти, доки вона ближча за відступ `m`; коли далі — вона нічого не коштує, тож мережа не витрачає зусиль, щоб відсувати вже розділені пари в нескінченність.")),
            .paragraph(LocalizedText(
                en: "In the guide's example (margin 2) the dissimilar pair is about 7.1 apart and costs 0; the two similar pairs, 0.14 and 0.22 apart, give the small total of about 0.0117.",
                uk: "У прикладі посібника (відступ 2) несхожа пара віддалена приблизно на 7,1 і нічого не коштує; дві схожі пари на відстанях 0,14 і 0,22 дають невелику суму — близько 0,0117.")),
        ],
        pros: [
            LocalizedText(en: "Simple to set up: only pairs and a same/different label are needed.", uk: "Простий у налаштуванні: потрібні лише пари й мітка «схожі/різні»."),
        ],
        cons: [
            LocalizedText(en: "The margin is absolute, in embedding units, and needs tuning.", uk: "Відступ абсолютний, в одиницях ембедингу, і потребує налаштування."),
            LocalizedText(en: "Most random dissimilar pairs are already far apart and teach nothing; pair mining helps.", uk: "Більшість випадкових несхожих пар уже далеко й нічого не навчають; допомагає добір пар."),
        ],
        useWhen: [
            LocalizedText(en: "Siamese networks: signature or face verification, duplicate detection.", uk: "Сіамські мережі: верифікація підписів чи облич, пошук дублікатів."),
        ],
        scenarioIDs: ["contrastive"],
        codeBlocks: [16]
    )

    static let triplet = Article(
        id: "triplet",
        title: LocalizedText(en: "Triplet loss", uk: "Triplet loss"),
        formula: LocalizedText(Formulas.triplet),
        symbols: [LocalizedText(en: "`a` is the anchor, `p` a positive (same identity), `n` a negative (different identity), `D` a distance and `m` the margin.",
                                uk: "`a` — якір, `p` — позитивний приклад (та сама особа), `n` — негативний (інша особа), `D` — відстань, `m` — відступ.")],
        body: [
            .paragraph(LocalizedText(
                en: "Triplet loss compares two distances at once: the anchor must be closer to the positive than to the negative, by at least the margin. Only the ordering matters, not absolute distances, which suits retrieval where you rank candidates.",
                uk: "Triplet loss порівнює дві відстані одразу: якір має бути ближчим до позитивного прикладу, ніж до негативного, щонайменше на відступ. Важить лише порядок, а не абсолютні відстані, що добре пасує до пошуку, де кандидатів ранжують.")),
            .paragraph(LocalizedText(
                en: "The guide's single triplet prints 0: the negative is about 5.66 away, the positive 0.14, far beyond the margin of 0.5. Such an easy triplet has zero gradient as well, which is why practical training mines hard or semi-hard negatives.",
                uk: "Єдиний триплет посібника дає 0: негативний приклад віддалений приблизно на 5,66, позитивний — на 0,14, далеко за відступом 0,5. Такий легкий триплет має й нульовий градієнт, тому на практиці добирають складні чи напівскладні негативні приклади.")),
        ],
        pros: [
            LocalizedText(en: "Learns a ranking directly; works with many identities and few examples each.", uk: "Напряму вчить ранжування; працює з багатьма особами й кількома прикладами на кожну."),
        ],
        cons: [
            LocalizedText(en: "The number of possible triplets explodes and most are easy: mining is essential.", uk: "Кількість можливих триплетів вибухає, а більшість із них легкі: добір обов’язковий."),
            LocalizedText(en: "Kinked where the margin is just met, like hinge loss.", uk: "Має злам там, де відступ саме досягнуто, як hinge loss."),
        ],
        useWhen: [
            LocalizedText(en: "Face recognition (FaceNet), person re-identification, image and product search.", uk: "Розпізнавання облич (FaceNet), повторна ідентифікація людей, пошук зображень і товарів."),
        ],
        scenarioIDs: ["triplet"],
        codeBlocks: [17]
    )
}

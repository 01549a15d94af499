import Scenarios

/// The short version to remember.
enum TakeawaysContent {
    static let section = ContentSection(
        id: "takeaways",
        title: LocalizedText(en: "Key takeaways", uk: "Головне"),
        intro: [
            .list([
                LocalizedText(en: "The loss defines what the model optimises; different losses lead to different models on the same data.",
                              uk: "Втрата визначає, що оптимізує модель; різні втрати на тих самих даних дають різні моделі."),
                LocalizedText(en: "Growth decides robustness: squared losses follow outliers, linear ones (MAE, Huber, log-cosh) resist them.",
                              uk: "Стійкість визначає темп зростання: квадратичні втрати йдуть за викидами, лінійні (MAE, Huber, log-cosh) їм опираються."),
                LocalizedText(en: "Cross-entropy for probabilities, hinge for margins, focal loss when easy examples drown the rare ones.",
                              uk: "Крос-ентропія — для ймовірностей, hinge — для відступу, focal loss — коли легкі приклади заглушують рідкісні."),
                LocalizedText(en: "A penalty on the weights is not a loss on the residuals: regularisation does not make a squared loss robust.",
                              uk: "Штраф на ваги — не втрата на залишках: регуляризація не робить квадратичну втрату стійкою."),
            ]),
            .definitions([
                Definition(term: LocalizedText(en: "Outliers?", uk: "Викиди?"), detail: LocalizedText(en: "MAE or Huber", uk: "MAE або Huber")),
                Definition(term: LocalizedText(en: "Class imbalance?", uk: "Дисбаланс класів?"), detail: LocalizedText(en: "focal loss or weighted cross-entropy", uk: "focal loss або зважена крос-ентропія")),
                Definition(term: LocalizedText(en: "A margin matters?", uk: "Важливий відступ?"), detail: LocalizedText(en: "hinge loss", uk: "hinge loss")),
                Definition(term: LocalizedText(en: "Learning similarity?", uk: "Навчання схожості?"), detail: LocalizedText(en: "triplet or contrastive loss", uk: "triplet або контрастивна втрата")),
            ]),
        ]
    )
}

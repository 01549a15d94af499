"""PyTorch reference values and gradients for the LossFunctions tests (torch_cases.json).

A second, independent reference next to make_fixtures.py (JAX / optax / scikit-learn): every case
whose "reference" starts with "torch.nn." is computed by PyTorch's own built-in loss; the comment at
each case says why that built-in equals lossplot's definition. Losses with no torch built-in are
written as short torch expressions of the document's formula and marked "expression: ..." (they
check lossplot's weights and reductions against autograd, not its definitions against torch).
Float64 throughout; gradients from torch.autograd; inputs avoid kinks and the probability clip.

Case fields beyond reference_cases.json's (all optional on the Swift side):
  reduction     "mean" (default), "sum" or "none"
  weights       per-sample weights (lossplot's --weights)
  class_weight  "balanced" (lossplot's --class-weight balanced)
  per_sample    for "none": the weighted per-sample terms w_i * l_i
  reference     the torch function (or expression) that produced the case
  tolerance     {"relative", "absolute", "reason"} when a case needs other than 1e-12 / 1e-15

lossplot's conventions (Sources/LossFunctions/BatchReducer.swift): mean = sum(w l) / sum(w),
sum = sum(w l), none = per-sample w l with value the weighted mean and gradient d(w_i l_i)/dx_i.

Run by hand (swift test never runs Python), from this folder:

    python3 -m venv ../../../.build/torch-venv
    ../../../.build/torch-venv/bin/pip install numpy scikit-learn \
        /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    ../../../.build/torch-venv/bin/python make_torch_fixtures.py > torch_cases.json
"""
import json

import mpmath  # installed with torch (sympy)
import numpy as np
import sklearn
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.utils.class_weight import compute_class_weight

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20250117)
EPS = 1e-15  # lossplot's default probability clip


def tensor(x, grad=False):
    return torch.tensor(np.asarray(x, dtype=np.float64), dtype=torch.float64, requires_grad=grad)


def balanced(labels):
    """scikit-learn's balanced class weights, by class: n / (n_classes_present * bincount)."""
    labels = np.asarray(labels, dtype=np.int64)
    classes = np.unique(labels)
    weights = compute_class_weight("balanced", classes=classes, y=labels)
    by_hand = len(labels) / (len(classes) * np.bincount(labels)[classes])
    assert np.allclose(weights, by_hand, rtol=1e-15, atol=0)
    return dict(zip(classes.tolist(), weights.tolist()))


def class_weight_vector(labels, columns):
    """The balanced weights as torch's `weight=` vector; absent classes get 0 (never read)."""
    table = balanced(labels)
    return tensor([table.get(c, 0.0) for c in range(columns)])


def sample_class_weights(labels):
    """The balanced weight of each sample's class (what lossplot multiplies into the weights)."""
    table = balanced(labels)
    return np.array([table[int(c)] for c in labels])


cases = []


def add(name, loss, options, inputs, differentiate, compute, reference, reduction="mean",
        weights=None, class_weight=None, tolerance=None):
    """Runs `compute` on float64 tensors and records value, gradients (and per-sample terms for "none").

    compute(x) takes a dict name -> tensor and returns the reduced scalar for "mean"/"sum", or the
    weighted per-sample terms w_i * l_i for "none". `weights` are the effective per-sample weights
    sum(w) divides by for "none"'s summary value (lossplot's weights times balanced class weights).
    """
    x = {k: tensor(v, grad=k in differentiate) for k, v in inputs.items()}
    out = compute(x)
    case = {"name": name, "loss": loss, "options": options}
    if reduction == "none":
        assert out.dim() == 1, name
        per_sample = out
        divisor = float(np.sum(weights)) if weights is not None else float(out.shape[0])
        if class_weight is not None:
            divisor = float(np.sum(effective_weights(inputs, weights)))
        total = per_sample.sum()
        value = float(total.detach()) / divisor
        case["per_sample"] = per_sample.detach().numpy().tolist()
        total.backward()
    else:
        assert out.dim() == 0, name
        value = float(out.detach())
        out.backward()
    case["value"] = value
    if reduction != "mean":
        case["reduction"] = reduction
    if weights is not None:
        case["weights"] = np.asarray(weights).tolist()
    if class_weight is not None:
        case["class_weight"] = class_weight
    case["reference"] = reference
    if tolerance is not None:
        case["tolerance"] = tolerance
    case["inputs"] = {k: np.asarray(v).tolist() for k, v in inputs.items()}
    case["gradients"] = {k: x[k].grad.numpy().tolist() for k in differentiate}
    assert np.isfinite(value), name
    assert all(np.all(np.isfinite(x[k].grad.numpy())) for k in differentiate), name
    assert name not in {c["name"] for c in cases}, name
    cases.append(case)


def effective_weights(inputs, weights):
    """lossplot's weights under --class-weight balanced: weights (1 if none) times the class's weight."""
    y = np.asarray(inputs["y_true"])
    labels = y.argmax(axis=1) if y.ndim == 2 else y
    base = np.ones(len(labels)) if weights is None else np.asarray(weights)
    return base * sample_class_weights(labels)


def weighted_mean(terms, w):
    """lossplot's weighted mean sum(w l) / sum(w), applied to a built-in's per-sample terms."""
    return (terms * w).sum() / w.sum()


# ---------------------------------------------------------------- regression
n = 40
t = rng.normal(size=n) * 3
p = t + rng.normal(size=n) * 2
w = rng.uniform(0.2, 3.0, size=n)
yp = {"y_true": t, "y_pred": p}
e = np.abs(t - p)
assert e.min() > 1e-6  # away from the |e| = 0 kink of L1 and the sign of Huber's linear part
for delta in (1.0, 2.5):
    assert np.abs(e - delta).min() > 1e-6  # away from Huber's switch between its two parts

# nn.MSELoss: l = (x - y)^2, reduced by mean / sum / none, exactly MeanSquaredError.
for red in ("mean", "sum", "none"):
    add(f"mse/{red}", "mse", {}, yp, ["y_pred"],
        lambda x, red=red: nn.MSELoss(reduction=red)(x["y_pred"], x["y_true"]),
        f"torch.nn.MSELoss(reduction='{red}')", reduction=red)
# Per-sample weights: torch's MSELoss has no weight argument, so its reduction='none' terms are
# weighted with lossplot's documented convention by hand (mean: sum(w l) / sum(w)).
add("mse/weighted-mean", "mse", {}, yp, ["y_pred"],
    lambda x: weighted_mean(nn.MSELoss(reduction="none")(x["y_pred"], x["y_true"]), tensor(w)),
    "torch.nn.MSELoss(reduction='none') terms, weighted mean sum(w l)/sum(w) by hand", weights=w)
add("mse/weighted-none", "mse", {}, yp, ["y_pred"],
    lambda x: nn.MSELoss(reduction="none")(x["y_pred"], x["y_true"]) * tensor(w),
    "torch.nn.MSELoss(reduction='none') terms times w", reduction="none", weights=w)

# nn.L1Loss: l = |x - y|, exactly MeanAbsoluteError (no sample at e = 0, where both take 0).
for red in ("mean", "sum", "none"):
    add(f"mae/{red}", "mae", {}, yp, ["y_pred"],
        lambda x, red=red: nn.L1Loss(reduction=red)(x["y_pred"], x["y_true"]),
        f"torch.nn.L1Loss(reduction='{red}')", reduction=red)
add("mae/weighted-sum", "mae", {}, yp, ["y_pred"],
    lambda x: (nn.L1Loss(reduction="none")(x["y_pred"], x["y_true"]) * tensor(w)).sum(),
    "torch.nn.L1Loss(reduction='none') terms, weighted sum by hand", reduction="sum", weights=w)

# nn.HuberLoss(delta): 0.5 e^2 for |e| < delta, delta (|e| - 0.5 delta) otherwise: the document's
# Huber (HuberLoss.swift); the two agree at |e| = delta, which no sample hits anyway.
for delta in (1.0, 2.5):
    add(f"huber/delta{delta:g}", "huber", {"delta": delta}, yp, ["y_pred"],
        lambda x, d=delta: nn.HuberLoss(delta=d)(x["y_pred"], x["y_true"]),
        f"torch.nn.HuberLoss(delta={delta:g})")
for red in ("sum", "none"):
    add(f"huber/delta2.5-{red}", "huber", {"delta": 2.5}, yp, ["y_pred"],
        lambda x, red=red: nn.HuberLoss(delta=2.5, reduction=red)(x["y_pred"], x["y_true"]),
        f"torch.nn.HuberLoss(delta=2.5, reduction='{red}')", reduction=red)
# nn.SmoothL1Loss(beta) = HuberLoss(delta=beta) / beta, so with beta = 1 it is Huber with delta 1.
add("huber/smooth-l1-beta1", "huber", {"delta": 1.0}, yp, ["y_pred"],
    lambda x: nn.SmoothL1Loss(beta=1.0)(x["y_pred"], x["y_true"]),
    "torch.nn.SmoothL1Loss(beta=1) (= HuberLoss(delta=1))")

# Composition of built-ins: the document's combined loss is alpha MSE + (1 - alpha) MAE, per sample,
# so with the plain mean it is alpha * MSELoss + (1 - alpha) * L1Loss.
add("combined/0.3", "combined", {"alpha": 0.3}, yp, ["y_pred"],
    lambda x: 0.3 * nn.MSELoss()(x["y_pred"], x["y_true"]) + 0.7 * nn.L1Loss()(x["y_pred"], x["y_true"]),
    "0.3 * torch.nn.MSELoss() + 0.7 * torch.nn.L1Loss() (composition of built-ins)")
# Composition of built-ins: MSE + lambda mean(y_pred^2) = MSELoss(p, t) + lambda MSELoss(p, 0).
add("mse-penalty/0.1", "mse-penalty", {"lambda": 0.1}, yp, ["y_pred"],
    lambda x: nn.MSELoss()(x["y_pred"], x["y_true"]) + 0.1 * nn.MSELoss()(x["y_pred"], torch.zeros(n)),
    "torch.nn.MSELoss()(p, t) + 0.1 * torch.nn.MSELoss()(p, 0) (composition of built-ins)")

# No torch built-in: log(cosh(e)) and the pinball loss as expressions of the document's formulas.
add("log-cosh/weighted-none", "log-cosh", {}, yp, ["y_pred"],
    lambda x: torch.log(torch.cosh(x["y_pred"] - x["y_true"])) * tensor(w),
    "expression: log(cosh(p - t)) * w (torch has no log-cosh loss)", reduction="none", weights=w)
add("quantile/0.8-weighted-mean", "quantile", {"quantile": 0.8}, yp, ["y_pred"],
    lambda x: weighted_mean(torch.where(x["y_true"] - x["y_pred"] >= 0, 0.8 * (x["y_true"] - x["y_pred"]),
                                        (0.8 - 1) * (x["y_true"] - x["y_pred"])), tensor(w)),
    "expression: pinball max(q e, (q - 1) e), weighted mean (torch has no quantile loss)", weights=w)

# ---------------------------------------------------------------- binary classification
labels01 = rng.integers(0, 2, size=n).astype(float)
soft_labels = rng.uniform(0, 1, size=n)
probs = rng.uniform(0.01, 0.99, size=n)
logits = rng.normal(size=n) * 4
extreme = np.array([1000.0, -1000.0, 1000.0, -1000.0, 0.0, 30.0, -30.0, 700.0])
extreme_labels = np.array([1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0])
bp = {"y_true": labels01, "y_pred": probs}
assert 0 < labels01.sum() < n

# nn.BCELoss: l = -(y log p + (1 - y) log(1 - p)) with each log clamped at -100. On p in [0.01, 0.99]
# neither torch's clamp nor lossplot's clip to [1e-15, 1 - 1e-15] acts, so both are the document's
# formula; torch's gradient (p - y) / max(p (1 - p), 1e-12) is the same derivative.
for red in ("mean", "sum", "none"):
    add(f"bce/{red}", "bce", {}, bp, ["y_pred"],
        lambda x, red=red: nn.BCELoss(reduction=red)(x["y_pred"], x["y_true"]),
        f"torch.nn.BCELoss(reduction='{red}')", reduction=red)
add("bce/soft-targets", "bce", {}, {"y_true": soft_labels, "y_pred": probs}, ["y_pred"],
    lambda x: nn.BCELoss()(x["y_pred"], x["y_true"]), "torch.nn.BCELoss() on targets in [0, 1]")
# nn.BCELoss(weight=w) multiplies each term by w_i; its 'sum' and 'none' are lossplot's. Its 'mean'
# is sum(w l) / n, NOT lossplot's sum(w l) / sum(w) (torch documents the division by n), so the
# weighted mean is taken from torch's weighted sum divided by sum(w).
for red in ("sum", "none"):
    add(f"bce/weighted-{red}", "bce", {}, bp, ["y_pred"],
        lambda x, red=red: nn.BCELoss(weight=tensor(w), reduction=red)(x["y_pred"], x["y_true"]),
        f"torch.nn.BCELoss(weight=w, reduction='{red}')", reduction=red, weights=w)
add("bce/weighted-mean", "bce", {}, bp, ["y_pred"],
    lambda x: nn.BCELoss(weight=tensor(w), reduction="sum")(x["y_pred"], x["y_true"]) / tensor(w).sum(),
    "torch.nn.BCELoss(weight=w, reduction='sum') / sum(w) (torch's own mean divides by n)", weights=w)
# Balanced class weights n / (2 count(c)) sum to exactly n over the samples, so here torch's
# sum(w l) / n and lossplot's sum(w l) / sum(w) coincide: BCELoss(weight=...) with its own mean.
add("bce/balanced", "bce", {}, bp, ["y_pred"],
    lambda x: nn.BCELoss(weight=tensor(sample_class_weights(labels01)))(x["y_pred"], x["y_true"]),
    "torch.nn.BCELoss(weight=balanced sample weights) (weights sum to n)", class_weight="balanced")
# Balanced class weights times per-sample weights, summed: BCELoss(weight=w * class weight, 'sum').
add("bce/balanced-weighted-sum", "bce", {}, bp, ["y_pred"],
    lambda x: nn.BCELoss(weight=tensor(w * sample_class_weights(labels01)), reduction="sum")(x["y_pred"], x["y_true"]),
    "torch.nn.BCELoss(weight=w * balanced class weight, reduction='sum')", reduction="sum", weights=w,
    class_weight="balanced")

# nn.BCEWithLogitsLoss: l = (1 - y) z - logsigmoid(z) = softplus(z) - y z, lossplot's from-logits form
# (BinaryCrossEntropy.swift); gradient sigmoid(z) - y on both sides, finite for any z.
bl = {"y_true": labels01, "y_pred": logits}
for red in ("mean", "sum", "none"):
    add(f"bce-logits/{red}", "bce", {"from_logits": 1.0}, bl, ["y_pred"],
        lambda x, red=red: nn.BCEWithLogitsLoss(reduction=red)(x["y_pred"], x["y_true"]),
        f"torch.nn.BCEWithLogitsLoss(reduction='{red}')", reduction=red)
add("bce-logits/extreme", "bce", {"from_logits": 1.0}, {"y_true": extreme_labels, "y_pred": extreme}, ["y_pred"],
    lambda x: nn.BCEWithLogitsLoss()(x["y_pred"], x["y_true"]),
    "torch.nn.BCEWithLogitsLoss() on logits +-1000, +-30, 700")
add("bce-logits/extreme-none", "bce", {"from_logits": 1.0}, {"y_true": extreme_labels, "y_pred": extreme},
    ["y_pred"], lambda x: nn.BCEWithLogitsLoss(reduction="none")(x["y_pred"], x["y_true"]),
    "torch.nn.BCEWithLogitsLoss(reduction='none') on logits +-1000, +-30, 700", reduction="none")
# Confident, correct positives: the loss log1p(exp(-z)) is tiny next to z. Torch's -logsigmoid(z) is
# accurate to an ulp here (checked against mpmath below), so the per-sample terms pin lossplot's
# relative accuracy, not only its absolute one. (For y = 0, z < 0 torch's (1 - y) z - logsigmoid(z)
# cancels instead, so that side is left out.)
saturated = np.array([4.0, 8.324043093723578, 15.0, 20.0, 30.0, 36.0, 40.0, -8.0, -20.0])
saturated_labels = np.ones_like(saturated)
mpmath.mp.prec = 200
for z in saturated:
    exact = float(mpmath.log1p(mpmath.exp(-mpmath.mpf(z))))
    assert abs(float(-F.logsigmoid(tensor(z))) - exact) <= 3e-16 * exact, z
add("bce-logits/saturated-none", "bce", {"from_logits": 1.0}, {"y_true": saturated_labels, "y_pred": saturated},
    ["y_pred"], lambda x: nn.BCEWithLogitsLoss(reduction="none")(x["y_pred"], x["y_true"]),
    "torch.nn.BCEWithLogitsLoss(reduction='none') on y = 1, z up to 40", reduction="none")
add("bce-logits/soft-targets", "bce", {"from_logits": 1.0}, {"y_true": soft_labels, "y_pred": logits}, ["y_pred"],
    lambda x: nn.BCEWithLogitsLoss()(x["y_pred"], x["y_true"]), "torch.nn.BCEWithLogitsLoss() on targets in [0, 1]")
add("bce-logits/weighted-sum", "bce", {"from_logits": 1.0}, bl, ["y_pred"],
    lambda x: nn.BCEWithLogitsLoss(weight=tensor(w), reduction="sum")(x["y_pred"], x["y_true"]),
    "torch.nn.BCEWithLogitsLoss(weight=w, reduction='sum')", reduction="sum", weights=w)
add("bce-logits/balanced", "bce", {"from_logits": 1.0}, bl, ["y_pred"],
    lambda x: nn.BCEWithLogitsLoss(weight=tensor(sample_class_weights(labels01)))(x["y_pred"], x["y_true"]),
    "torch.nn.BCEWithLogitsLoss(weight=balanced sample weights) (weights sum to n)", class_weight="balanced")

# No torch built-in (torchvision's sigmoid_focal_loss is not torch): the document's focal loss as
# an expression, on clipped probabilities and on logits.
def focal_probs(x, gamma, alpha):
    q = torch.clamp(x["y_pred"], EPS, 1 - EPS)
    y = x["y_true"]
    ce = -(y * torch.log(q) + (1 - y) * torch.log(1 - q))
    p_t = torch.where(y == 1, q, 1 - q)
    return torch.where(y == 1, alpha, 1 - alpha) * (1 - p_t) ** gamma * ce
def focal_logits(x, gamma, alpha):
    y = x["y_true"]
    ce = F.binary_cross_entropy_with_logits(x["y_pred"], y, reduction="none")
    one_minus_p_t = -torch.expm1(-ce)  # 1 - p_t, as p_t = exp(-ce)
    return torch.where(y == 1, alpha, 1 - alpha) * one_minus_p_t ** gamma * ce
add("focal/weighted-mean", "focal", {}, bp, ["y_pred"],
    lambda x: weighted_mean(focal_probs(x, 2.0, 0.25), tensor(w)),
    "expression: alpha_t (1 - p_t)^gamma BCE on clipped p, weighted mean (no torch built-in)", weights=w)
add("focal-logits/gamma1.5-alpha0.6-sum", "focal", {"from_logits": 1.0, "gamma": 1.5, "alpha": 0.6}, bl, ["y_pred"],
    lambda x: focal_logits(x, 1.5, 0.6).sum(),
    "expression: alpha_t (1 - exp(-BCEWithLogits))^gamma BCEWithLogits, sum (no torch built-in)", reduction="sum")

# No torch built-in (nn.SoftMarginLoss and nn.HingeEmbeddingLoss are other losses): the document's
# hinge and squared hinge as expressions, on -1/+1 labels and on 0/1 labels (read as -1/+1).
signs = 2 * labels01 - 1
scores = rng.normal(size=n) * 2
assert np.abs(1 - signs * scores).min() > 1e-6  # away from the hinge's kink
add("hinge/none", "hinge", {}, {"y_true": signs, "y_pred": scores}, ["y_pred"],
    lambda x: torch.clamp(1 - x["y_true"] * x["y_pred"], min=0),
    "expression: max(0, 1 - y s) (no torch built-in)", reduction="none")
add("hinge/zero-one-labels-weighted-mean", "hinge", {}, {"y_true": labels01, "y_pred": scores}, ["y_pred"],
    lambda x: weighted_mean(torch.clamp(1 - (2 * x["y_true"] - 1) * x["y_pred"], min=0), tensor(w)),
    "expression: max(0, 1 - (2y - 1) s), weighted mean (no torch built-in)", weights=w)
add("squared-hinge/sum", "squared-hinge", {}, {"y_true": signs, "y_pred": scores}, ["y_pred"],
    lambda x: (torch.clamp(1 - x["y_true"] * x["y_pred"], min=0) ** 2).sum(),
    "expression: max(0, 1 - y s)^2, sum (no torch built-in)", reduction="sum")

# ---------------------------------------------------------------- categorical
rows, classes = 24, 4
class_index = rng.permutation(np.concatenate([np.arange(classes), rng.integers(0, classes, size=rows - classes)]))
skewed = rng.choice(classes, size=rows, p=[0.55, 0.25, 0.15, 0.05])
skewed[:classes] = np.arange(classes)  # every class present, counts uneven
missing = np.where(skewed == 2, 1, skewed)  # class 2 absent: balanced weights over 3 present classes
one_hot = np.eye(classes)[class_index]
soft = rng.dirichlet(np.ones(classes), size=rows)
row_probs = rng.dirichlet(np.ones(classes) * 3, size=rows)
row_logits = rng.normal(size=(rows, classes)) * 3
row_w = rng.uniform(0.2, 3.0, size=rows)
extreme_rows = np.array([[1000.0, -1000.0, 0.0, 5.0], [-1000.0, 1000.0, 999.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
extreme_index = np.array([1, 0, 3])
assert row_probs.min() > 1e-6 and row_probs.max() < 1 - 1e-6  # clip inactive


def ce_indices(x, labels=None, **kwargs):
    """nn.CrossEntropyLoss on logits with class-index targets (y_true holds the indices)."""
    target = torch.as_tensor(np.asarray(labels if labels is not None else x["y_true"].detach().numpy(), dtype=np.int64))
    return nn.CrossEntropyLoss(**kwargs)(x["y_pred"], target)


def nll_on_probs(x, **kwargs):
    """nn.NLLLoss on log of the probabilities clipped as lossplot clips them (a no-op on these inputs)."""
    labels = x["y_true"].detach().numpy()
    target = torch.as_tensor((labels.argmax(axis=1) if labels.ndim == 2 else labels).astype(np.int64))
    return nn.NLLLoss(**kwargs)(torch.log(torch.clamp(x["y_pred"], EPS, 1 - EPS)), target)


# nn.CrossEntropyLoss with class indices: l = logsumexp(z) - z_k, lossplot's sparse-cce --from-logits;
# gradient softmax(z) - onehot(k) on both sides.
si = {"y_true": class_index, "y_pred": row_logits}
for red in ("mean", "sum", "none"):
    add(f"sparse-cce-logits/{red}", "sparse-cce", {"from_logits": 1.0}, si, ["y_pred"],
        lambda x, red=red: ce_indices(x, reduction=red),
        f"torch.nn.CrossEntropyLoss(reduction='{red}') with class indices", reduction=red)
add("sparse-cce-logits/extreme", "sparse-cce", {"from_logits": 1.0}, {"y_true": extreme_index, "y_pred": extreme_rows},
    ["y_pred"], lambda x: ce_indices(x), "torch.nn.CrossEntropyLoss() with class indices, logits +-1000")
# weight= class weights: torch's mean is sum_i w[k_i] l_i / sum_i w[k_i], lossplot's weighted mean
# with w_i = balanced weight of sample i's class; 'sum' and 'none' are w[k_i] l_i as in lossplot.
for label_name, labels in (("balanced", skewed), ("balanced-absent-class", missing)):
    for red in ("mean", "sum", "none"):
        add(f"sparse-cce-logits/{label_name}-{red}", "sparse-cce", {"from_logits": 1.0},
            {"y_true": labels, "y_pred": row_logits}, ["y_pred"],
            lambda x, red=red, labels=labels: ce_indices(x, weight=class_weight_vector(labels, classes), reduction=red),
            f"torch.nn.CrossEntropyLoss(weight=balanced class weights, reduction='{red}') with class indices",
            reduction=red, class_weight="balanced")
# Class weights and per-sample weights together: torch has no per-sample weight argument, so its
# weighted 'none' terms w[k_i] l_i are multiplied by the sample weights and summed.
add("sparse-cce-logits/balanced-weighted-sum", "sparse-cce", {"from_logits": 1.0},
    {"y_true": skewed, "y_pred": row_logits}, ["y_pred"],
    lambda x: (ce_indices(x, weight=class_weight_vector(skewed, classes), reduction="none") * tensor(row_w)).sum(),
    "torch.nn.CrossEntropyLoss(weight=balanced, reduction='none') terms times w, summed",
    reduction="sum", weights=row_w, class_weight="balanced")

# nn.CrossEntropyLoss with probability targets: l = -sum_c y_c log_softmax(z)_c = sum_c y_c (lse - z_c),
# lossplot's cce --from-logits; gradient sum(y) softmax(z) - y on both sides.
sc = {"y_true": soft, "y_pred": row_logits}
for red in ("mean", "sum", "none"):
    add(f"cce-logits/{red}", "cce", {"from_logits": 1.0}, sc, ["y_pred"],
        lambda x, red=red: nn.CrossEntropyLoss(reduction=red)(x["y_pred"], x["y_true"]),
        f"torch.nn.CrossEntropyLoss(reduction='{red}') with probability targets", reduction=red)
add("cce-logits/extreme", "cce", {"from_logits": 1.0}, {"y_true": np.eye(classes)[extreme_index], "y_pred": extreme_rows},
    ["y_pred"], lambda x: nn.CrossEntropyLoss()(x["y_pred"], x["y_true"]),
    "torch.nn.CrossEntropyLoss() with one-hot probability targets, logits +-1000")
# lossplot weighs a one-hot row by the balanced weight of its argmax class, which for one-hot rows is
# CrossEntropyLoss(weight=...) on the class indices (weighted mean over sum of the rows' weights).
# (With soft targets torch weighs inside the sum over classes and its mean divides by n: a different
# loss, not compared.)
add("cce-logits/one-hot-balanced", "cce", {"from_logits": 1.0},
    {"y_true": np.eye(classes)[skewed], "y_pred": row_logits}, ["y_pred"],
    lambda x: ce_indices(x, labels=skewed, weight=class_weight_vector(skewed, classes)),
    "torch.nn.CrossEntropyLoss(weight=balanced class weights) on the one-hot rows' class indices",
    class_weight="balanced")

# nn.NLLLoss on log(clip(p)): l = -log p_k, lossplot's sparse-cce on probabilities, gradient -1/p_k
# at the target (0 elsewhere) on both sides; the clip is inactive on these rows.
sp = {"y_true": class_index, "y_pred": row_probs}
for red in ("mean", "sum", "none"):
    add(f"sparse-cce/{red}", "sparse-cce", {}, sp, ["y_pred"], lambda x, red=red: nll_on_probs(x, reduction=red),
        f"torch.nn.NLLLoss(reduction='{red}') on log(clamp(p, 1e-15, 1 - 1e-15))", reduction=red)
add("sparse-cce/balanced", "sparse-cce", {}, {"y_true": skewed, "y_pred": row_probs}, ["y_pred"],
    lambda x: nll_on_probs(x, weight=class_weight_vector(skewed, classes)),
    "torch.nn.NLLLoss(weight=balanced class weights) on log(clamp(p))", class_weight="balanced")
# cce on probabilities with one-hot targets is -log p_k of the hot class: NLLLoss on the argmax index,
# and lossplot's gradient -y_c / p_c is -1/p_k at k and 0 elsewhere, as NLLLoss's.
add("cce/one-hot", "cce", {}, {"y_true": one_hot, "y_pred": row_probs}, ["y_pred"],
    lambda x: nll_on_probs(x), "torch.nn.NLLLoss() on log(clamp(p)) at the one-hot rows' class indices")
add("cce/one-hot-weighted-mean", "cce", {}, {"y_true": one_hot, "y_pred": row_probs}, ["y_pred"],
    lambda x: weighted_mean(nll_on_probs(x, reduction="none"), tensor(row_w)),
    "torch.nn.NLLLoss(reduction='none') terms, weighted mean sum(w l)/sum(w) by hand", weights=row_w)

# ---------------------------------------------------------------- metric learning
dim = 5
anchor = rng.normal(size=(rows, dim))
positive = anchor + rng.normal(size=(rows, dim)) * 0.7
negative = anchor + rng.normal(size=(rows, dim)) * 1.0
apn = {"anchor": anchor, "positive": positive, "negative": negative}
for margin in (0.5, 1.0):
    hinge_arg = np.linalg.norm(anchor - positive, axis=1) - np.linalg.norm(anchor - negative, axis=1) + margin
    assert np.abs(hinge_arg).min() > 1e-6 and (hinge_arg < 0).any() and (hinge_arg > 0).any()

# nn.TripletMarginLoss(margin, p=2, eps=0): max(0, ||a - p|| - ||a - n|| + margin) with Euclidean
# distances, the document's triplet loss. Its default eps=1e-6 is added to every coordinate of the
# difference inside pairwise_distance (||a - p + eps||); torch 2.13 accepts eps=0, which makes it exact.
def triplet(x, margin, red):
    return nn.TripletMarginLoss(margin=margin, p=2.0, eps=0.0, reduction=red)(x["anchor"], x["positive"], x["negative"])
for margin, red in ((0.5, "mean"), (1.0, "mean"), (1.0, "sum"), (0.5, "none")):
    add(f"triplet/margin{margin:g}-{red}", "triplet", {"margin": margin}, apn, ["anchor", "positive", "negative"],
        lambda x, m=margin, red=red: triplet(x, m, red),
        f"torch.nn.TripletMarginLoss(margin={margin:g}, p=2, eps=0, reduction='{red}')", reduction=red)
add("triplet/margin0.5-weighted-mean", "triplet", {"margin": 0.5}, apn, ["anchor", "positive", "negative"],
    lambda x: weighted_mean(triplet(x, 0.5, "none"), tensor(row_w)),
    "torch.nn.TripletMarginLoss(margin=0.5, p=2, eps=0, reduction='none') terms, weighted mean by hand",
    weights=row_w)

# No torch built-in (nn.HingeEmbeddingLoss and nn.CosineEmbeddingLoss are other losses): the document's
# contrastive loss as an expression over torch's pairwise_distance (eps=0).
x1 = rng.normal(size=(rows, dim))
x2 = x1 + rng.normal(size=(rows, dim)) * 0.8
pair_labels = rng.integers(0, 2, size=rows).astype(float)
assert np.abs(np.linalg.norm(x1 - x2, axis=1) - 2.0).min() > 1e-6
def contrastive(x, margin):
    d = F.pairwise_distance(x["x1"], x["x2"], p=2.0, eps=0.0)
    y = x["labels"]
    return 0.5 * ((1 - y) * d ** 2 + y * torch.clamp(margin - d, min=0) ** 2)
add("contrastive/margin2-none", "contrastive", {"margin": 2.0}, {"x1": x1, "x2": x2, "labels": pair_labels},
    ["x1", "x2"], lambda x: contrastive(x, 2.0),
    "expression: 0.5 ((1 - y) d^2 + y max(0, m - d)^2), d = F.pairwise_distance(eps=0) (no torch built-in)",
    reduction="none")
add("contrastive/margin2-weighted-mean", "contrastive", {"margin": 2.0}, {"x1": x1, "x2": x2, "labels": pair_labels},
    ["x1", "x2"], lambda x: weighted_mean(contrastive(x, 2.0), tensor(row_w)),
    "expression: contrastive as above, weighted mean (no torch built-in)", weights=row_w)

print(json.dumps({"generator": "make_torch_fixtures.py",
                  "versions": {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__},
                  "cases": cases}, indent=1))

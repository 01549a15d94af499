#!/usr/bin/env python3
"""Checks the report's table of library equivalents numerically: each library's loss, called the
way the report says, against `lossplot eval` on the same small inputs (the guide's examples).

Not part of `swift test` (Swift tests never need Python). Run it by hand after changing a table,
and paste its output into docs/prose-review.md:

    python3 -m venv /tmp/eqv
    /tmp/eqv/bin/pip install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    /tmp/eqv/bin/pip install keras jax optax scikit-learn
    /tmp/eqv/bin/pip install --no-deps 'torchvision==0.28.*'
    KERAS_BACKEND=jax /tmp/eqv/bin/python scripts/check_equivalents.py [path/to/lossplot]

torchvision's wheel from PyPI is built for the CUDA torch, so its compiled operators do not load
beside the CPU torch; its sigmoid_focal_loss is plain Python, so this script reads that one file
(torchvision/ops/focal_loss.py) from the installed package and runs it without the package's
__init__. Every library is given float64 inputs; Keras still averages in float32, so its rows
agree to about seven digits, the others to about sixteen.

Exit status: 0 when every row agrees, 1 when one does not (each row says which).
"""

import importlib.metadata
import importlib.util
import json
import math
import os
import pathlib
import subprocess
import sys
import tempfile

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_ENABLE_X64", "1")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
import optax  # noqa: E402
import sklearn.metrics as skm  # noqa: E402
import torch  # noqa: E402

keras.backend.set_floatx("float64")
torch.set_default_dtype(torch.float64)

LOSSPLOT = sys.argv[1] if len(sys.argv) > 1 else str(pathlib.Path(__file__).resolve().parent.parent / ".build/debug/lossplot")
WORK = pathlib.Path(tempfile.mkdtemp(prefix="check-equivalents-"))
TOLERANCE = 1e-9
KERAS_TOLERANCE = 1e-6
failures = []


def torchvision_sigmoid_focal_loss():
    """torchvision.ops.sigmoid_focal_loss from the installed file, without torchvision's __init__."""
    spec = importlib.util.find_spec("torchvision")
    if spec is None or spec.origin is None:
        return None
    source = (pathlib.Path(spec.origin).parent / "ops" / "focal_loss.py").read_text()
    source = source.replace("from ..utils import _log_api_usage_once", "def _log_api_usage_once(_): pass")
    namespace = {}
    exec(compile(source, "torchvision/ops/focal_loss.py", "exec"), namespace)
    return namespace["sigmoid_focal_loss"]


def csv(name, rows):
    path = WORK / name
    lines = []
    for row in rows:
        lines.append(",".join(repr(float(x)) for x in row) if isinstance(row, (list, tuple)) else repr(float(row)))
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def lossplot(*args):
    run = subprocess.run([LOSSPLOT, "eval", *args, "--format", "json"], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"lossplot eval {' '.join(args)} failed: {run.stderr.strip()}")
    return json.loads(run.stdout)["value"]


def check(loss, expected, library, call, value, factor=1.0, note=""):
    value = float(value) * factor
    # Keras averages in float32 even when floatx is float64 (ops.mean computes in
    # result_type(x, "float32"), which Keras's own promotion makes float32).
    tolerance = KERAS_TOLERANCE if library == "Keras" else TOLERANCE
    ok = math.isclose(value, expected, rel_tol=tolerance, abs_tol=tolerance)
    if not ok:
        failures.append(f"{loss}: {call}")
    shown = f"{call} × {factor:g}" if factor != 1.0 else call
    print(f"  {'ok ' if ok else 'BAD'} {library:<12} {shown:<62} {value:.10g}{'  ' + note if note else ''}")


def header(loss, command, value):
    print(f"{loss}: lossplot eval {command} = {value:.10g}")


def t(x):
    return torch.tensor(np.asarray(x, dtype=np.float64))


def logit(p):
    p = np.asarray(p, dtype=np.float64)
    return np.log(p) - np.log1p(-p)


# The guide's outlier example (code blocks 3, 4, 7).
y_true = [1.0, 2.0, 3.0, 4.0, 100.0]
y_pred = [1.1, 2.1, 2.9, 4.2, 5.0]
true_file, pred_file = csv("y_true.csv", y_true), csv("y_pred.csv", y_pred)
regression = ["--y-true", true_file, "--y-pred", pred_file]

print(f"torch {torch.__version__}, keras {keras.__version__} (backend {keras.backend.backend()}), "
      f"optax {optax.__version__}, jax {importlib.metadata.version('jax')}, scikit-learn {importlib.metadata.version('scikit-learn')}, "
      f"torchvision {importlib.metadata.version('torchvision')} (focal_loss.py only)")
print("inputs: the guide's examples; every value is the mean over the samples unless a factor says otherwise")
print(f"agreement: relative {TOLERANCE:g}; Keras {KERAS_TOLERANCE:g}, since it averages in float32 even with floatx float64\n")

v = lossplot("mse", *regression)
header("MSE", "mse (outlier example)", v)
check("mse", v, "PyTorch", "nn.MSELoss()(input=y_pred, target=y_true)", torch.nn.MSELoss()(t(y_pred), t(y_true)))
check("mse", v, "Keras", "losses.MeanSquaredError()(y_true, y_pred)", keras.losses.MeanSquaredError()(np.array(y_true), np.array(y_pred)))
check("mse", v, "optax", "squared_error(y_pred, y_true).mean()", optax.losses.squared_error(jnp.array(y_pred), jnp.array(y_true)).mean())
check("mse", v, "optax", "l2_loss(y_pred, y_true).mean()", optax.losses.l2_loss(jnp.array(y_pred), jnp.array(y_true)).mean(), factor=2,
      note="l2_loss is half the squared error")
check("mse", v, "scikit-learn", "mean_squared_error(y_true, y_pred)", skm.mean_squared_error(y_true, y_pred))

v = lossplot("mae", *regression)
header("MAE", "mae (outlier example)", v)
check("mae", v, "PyTorch", "nn.L1Loss()(y_pred, y_true)", torch.nn.L1Loss()(t(y_pred), t(y_true)))
check("mae", v, "Keras", "losses.MeanAbsoluteError()(y_true, y_pred)", keras.losses.MeanAbsoluteError()(np.array(y_true), np.array(y_pred)))
check("mae", v, "optax", "jnp.abs(y_pred - y_true).mean()  (no built-in)", jnp.abs(jnp.array(y_pred) - jnp.array(y_true)).mean())
check("mae", v, "scikit-learn", "mean_absolute_error(y_true, y_pred)", skm.mean_absolute_error(y_true, y_pred))

for delta in (1.0, 2.0):
    v = lossplot("huber", "--delta", str(delta), *regression)
    header(f"Huber δ = {delta:g}", f"huber --delta {delta:g} (outlier example)", v)
    check("huber", v, "PyTorch", f"nn.HuberLoss(delta={delta:g})(y_pred, y_true)", torch.nn.HuberLoss(delta=delta)(t(y_pred), t(y_true)))
    check("huber", v, "PyTorch", f"nn.SmoothL1Loss(beta={delta:g})(y_pred, y_true)", torch.nn.SmoothL1Loss(beta=delta)(t(y_pred), t(y_true)),
          factor=delta, note="SmoothL1 = Huber(δ = β) / β")
    check("huber", v, "Keras", f"losses.Huber(delta={delta:g})(y_true, y_pred)", keras.losses.Huber(delta=delta)(np.array(y_true), np.array(y_pred)))
    check("huber", v, "optax", f"huber_loss(y_pred, y_true, delta={delta:g}).mean()",
          optax.losses.huber_loss(jnp.array(y_pred), jnp.array(y_true), delta=delta).mean())

v = lossplot("log-cosh", *regression)
header("Log-cosh", "log-cosh (outlier example)", v)
check("log-cosh", v, "Keras", "losses.LogCosh()(y_true, y_pred)", keras.losses.LogCosh()(np.array(y_true), np.array(y_pred)))
check("log-cosh", v, "optax", "log_cosh(y_pred, y_true).mean()", optax.losses.log_cosh(jnp.array(y_pred), jnp.array(y_true)).mean())

for tau in (0.5, 0.9):
    v = lossplot("quantile", "--quantile", str(tau), *regression)
    header(f"Quantile τ = {tau:g}", f"quantile --quantile {tau:g} (outlier example)", v)
    check("quantile", v, "scikit-learn", f"mean_pinball_loss(y_true, y_pred, alpha={tau:g})", skm.mean_pinball_loss(y_true, y_pred, alpha=tau))
    if tau == 0.5:
        check("quantile", v, "scikit-learn", "mean_absolute_error(y_true, y_pred)", skm.mean_absolute_error(y_true, y_pred), factor=0.5,
              note="τ = 0.5 is half the MAE")

# Binary cross-entropy (code block 8).
b_true, b_prob = [1.0, 0.0, 1.0, 1.0, 0.0], [0.9, 0.1, 0.8, 0.6, 0.2]
b_logit = list(logit(b_prob))
bt, bp, bz = csv("b_true.csv", b_true), csv("b_prob.csv", b_prob), csv("b_logit.csv", b_logit)
v = lossplot("bce", "--y-true", bt, "--y-pred", bp)
header("BCE", "bce (code block 8)", v)
check("bce", v, "PyTorch", "nn.BCELoss()(probabilities, y_true)", torch.nn.BCELoss()(t(b_prob), t(b_true)))
check("bce", v, "PyTorch", "nn.BCEWithLogitsLoss()(logits, y_true)", torch.nn.BCEWithLogitsLoss()(t(b_logit), t(b_true)))
check("bce", v, "Keras", "losses.BinaryCrossentropy()(y_true, probabilities)", keras.losses.BinaryCrossentropy()(np.array(b_true), np.array(b_prob)))
check("bce", v, "Keras", "losses.BinaryCrossentropy(from_logits=True)(y_true, logits)",
      keras.losses.BinaryCrossentropy(from_logits=True)(np.array(b_true), np.array(b_logit)))
check("bce", v, "optax", "sigmoid_binary_cross_entropy(logits, y_true).mean()",
      optax.losses.sigmoid_binary_cross_entropy(jnp.array(b_logit), jnp.array(b_true)).mean())
check("bce", v, "scikit-learn", "log_loss(y_true, probabilities)", skm.log_loss(b_true, b_prob))
v2 = lossplot("bce", "--from-logits", "--y-true", bt, "--y-pred", bz)
check("bce", v, "lossplot", "eval bce --from-logits (logits)", v2)

# Categorical and sparse categorical cross-entropy (code blocks 10, 11).
onehot = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
indices = [1, 0, 2]
probs = [[0.1, 0.7, 0.2], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6]]
logits = np.log(np.array(probs))  # softmax(log p) = p, since every row sums to 1
ct, ci, cp = csv("c_onehot.csv", onehot), csv("c_index.csv", indices), csv("c_prob.csv", probs)
v = lossplot("cce", "--y-true", ct, "--y-pred", cp)
header("CCE", "cce (code block 10)", v)
check("cce", v, "lossplot", "eval sparse-cce (class indices)", lossplot("sparse-cce", "--y-true", ci, "--y-pred", cp))
check("cce", v, "PyTorch", "nn.CrossEntropyLoss()(logits, class_indices)", torch.nn.CrossEntropyLoss()(t(logits), torch.tensor(indices)))
check("cce", v, "PyTorch", "nn.CrossEntropyLoss()(logits, one_hot)", torch.nn.CrossEntropyLoss()(t(logits), t(onehot)))
check("cce", v, "PyTorch", "nn.NLLLoss()(log(probabilities), class_indices)", torch.nn.NLLLoss()(torch.log(t(probs)), torch.tensor(indices)))
check("cce", v, "Keras", "losses.CategoricalCrossentropy()(one_hot, probabilities)", keras.losses.CategoricalCrossentropy()(np.array(onehot), np.array(probs)))
check("cce", v, "Keras", "losses.SparseCategoricalCrossentropy()(indices, probabilities)",
      keras.losses.SparseCategoricalCrossentropy()(np.array(indices), np.array(probs)))
check("cce", v, "optax", "softmax_cross_entropy(logits, one_hot).mean()", optax.losses.softmax_cross_entropy(jnp.array(logits), jnp.array(onehot)).mean())
check("cce", v, "optax", "softmax_cross_entropy_with_integer_labels(logits, indices).mean()",
      optax.losses.softmax_cross_entropy_with_integer_labels(jnp.array(logits), jnp.array(indices)).mean())
check("cce", v, "scikit-learn", "log_loss(class_indices, probabilities)", skm.log_loss(indices, probs))

# Hinge and squared hinge (the hinge figure's five examples).
h_true, h_score = [1.0, -1.0, 1.0, -1.0, 1.0], [2.0, -1.5, 0.5, -0.3, -0.1]
ht, hs = csv("h_true.csv", h_true), csv("h_score.csv", h_score)
v = lossplot("hinge", "--y-true", ht, "--y-pred", hs)
header("Hinge", "hinge (the hinge figure's examples)", v)
check("hinge", v, "Keras", "losses.Hinge()(y_true, scores)", keras.losses.Hinge()(np.array(h_true), np.array(h_score)))
check("hinge", v, "optax", "hinge_loss(scores, y_true).mean()", optax.losses.hinge_loss(jnp.array(h_score), jnp.array(h_true)).mean())
check("hinge", v, "scikit-learn", "hinge_loss(y_true, scores)", skm.hinge_loss(h_true, h_score))
two_columns = torch.stack([torch.zeros(len(h_score)), t(h_score)], dim=1)
check("hinge", v, "PyTorch", "nn.MultiMarginLoss()([0, s] per row, (y + 1) / 2)",
      torch.nn.MultiMarginLoss()(two_columns, torch.tensor([int((y + 1) / 2) for y in h_true])), factor=2,
      note="MultiMarginLoss divides by the number of classes")
v = lossplot("squared-hinge", "--y-true", ht, "--y-pred", hs)
header("Squared hinge", "squared-hinge (the hinge figure's examples)", v)
check("squared-hinge", v, "Keras", "losses.SquaredHinge()(y_true, scores)", keras.losses.SquaredHinge()(np.array(h_true), np.array(h_score)))
check("squared-hinge", v, "PyTorch", "nn.MultiMarginLoss(p=2)([0, s] per row, (y + 1) / 2)",
      torch.nn.MultiMarginLoss(p=2)(two_columns, torch.tensor([int((y + 1) / 2) for y in h_true])), factor=2)

# Focal loss (code block 14: γ = 2, α = 0.25 for class 1).
f_true = [1.0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
f_prob = [0.9, 0.1, 0.2, 0.1, 0.15, 0.05, 0.2, 0.1, 0.05, 0.85]
f_logit = list(logit(f_prob))
ft, fp = csv("f_true.csv", f_true), csv("f_prob.csv", f_prob)
v = lossplot("focal", "--alpha", "0.25", "--gamma", "2", "--y-true", ft, "--y-pred", fp)
header("Focal", "focal --alpha 0.25 --gamma 2 (code block 14)", v)
focal = torchvision_sigmoid_focal_loss()
if focal is not None:
    check("focal", v, "PyTorch", "torchvision.ops.sigmoid_focal_loss(logits, y, reduction='mean')",
          focal(t(f_logit), t(f_true), alpha=0.25, gamma=2, reduction="mean"))
    print(f"      torchvision's default reduction is 'none': the per-example losses, {focal(t(f_logit), t(f_true)).shape[0]} of them")
check("focal", v, "Keras", "BinaryFocalCrossentropy(apply_class_balancing=True)(y, p)",
      keras.losses.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=0.25, gamma=2.0)(np.array(f_true), np.array(f_prob)))
unbalanced = float(keras.losses.BinaryFocalCrossentropy(gamma=2.0)(np.array(f_true), np.array(f_prob)))
print(f"      Keras without apply_class_balancing ignores alpha: {unbalanced:.10g} "
      f"(= lossplot's focal --alpha 0.5, times 2: {2 * lossplot('focal', '--alpha', '0.5', '--gamma', '2', '--y-true', ft, '--y-pred', fp):.10g})")
check("focal", v, "optax", "sigmoid_focal_loss(logits, y, alpha=0.25).mean()",
      optax.losses.sigmoid_focal_loss(jnp.array(f_logit), jnp.array(f_true), alpha=0.25, gamma=2.0).mean())
no_alpha = float(optax.losses.sigmoid_focal_loss(jnp.array(f_logit), jnp.array(f_true)).mean())
print(f"      optax's default alpha=None weighs nothing: {no_alpha:.10g}, the same as Keras's default")

# Triplet loss: the guide's triplet costs 0, so a harder one (negative inside the margin).
anchor, positive, negative = [[1.0, 2.0], [0.0, 0.0]], [[1.1, 2.1], [0.3, 0.4]], [[1.3, 2.0], [3.0, 4.0]]
ta, tp, tn = csv("t_anchor.csv", anchor), csv("t_positive.csv", positive), csv("t_negative.csv", negative)
v = lossplot("triplet", "--margin", "0.5", "--anchor", ta, "--positive", tp, "--negative", tn)
header("Triplet", "triplet --margin 0.5 (two triplets, one inside the margin)", v)
TOLERANCE = 1e-5  # torch and optax add eps = 1e-6 inside the distance
check("triplet", v, "PyTorch", "nn.TripletMarginLoss(margin=0.5, p=2)(a, p, n)",
      torch.nn.TripletMarginLoss(margin=0.5, p=2)(t(anchor), t(positive), t(negative)), note="eps = 1e-6 inside the norm")
check("triplet", v, "optax", "triplet_margin_loss(a, p, n, margin=0.5).mean()",
      optax.losses.triplet_margin_loss(jnp.array(anchor), jnp.array(positive), jnp.array(negative), margin=0.5).mean())
TOLERANCE = 1e-9

# Contrastive loss (code block 16): no library above has it; torch's HingeEmbeddingLoss on the
# distances is its unsquared form, shown here to differ.
x1, x2, pair_labels = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[1.1, 2.1], [8.0, 9.0], [5.2, 6.1]], [0.0, 1.0, 0.0]
v = lossplot("contrastive", "--margin", "2", "--x1", csv("x1.csv", x1), "--x2", csv("x2.csv", x2), "--labels", csv("pairs.csv", pair_labels))
header("Contrastive", "contrastive --margin 2 (code block 16)", v)
d = torch.linalg.vector_norm(t(x1) - t(x2), dim=1)
manual = torch.where(t(pair_labels) == 0, 0.5 * d**2, 0.5 * torch.clamp(2.0 - d, min=0) ** 2).mean()
check("contrastive", v, "PyTorch", "written out: mean of ½D² (similar), ½max(0, m − D)² (dissimilar)", manual)
unsquared = float(torch.nn.HingeEmbeddingLoss(margin=2.0)(d, 1 - 2 * t(pair_labels)))
print(f"      nn.HingeEmbeddingLoss(margin=2)(D, +1 similar / −1 dissimilar) = {unsquared:.10g}: D and max(0, m − D), not squared, not halved")

print()
if failures:
    print(f"{len(failures)} disagreement(s):")
    for f in failures:
        print("  " + f)
    sys.exit(1)
print("every row agrees with lossplot")

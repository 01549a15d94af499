"""Reference values and gradients for the LossFunctions tests.

Values follow the document's numpy formulas (and scikit-learn's mean_pinball_loss, optax's
from-logits losses, torchvision's sigmoid_focal_loss formula); gradients come from JAX autograd in
float64. Inputs avoid kinks and the probability clip, where autograd's choice is arbitrary.

    pip install numpy jax optax scikit-learn
    python make_fixtures.py > reference_cases.json
"""
import json

import jax
jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
import numpy as np
import optax
from sklearn.metrics import mean_pinball_loss

rng = np.random.default_rng(20240611)
EPS = 1e-15


def mse(t, p): return jnp.mean((t - p) ** 2)
def mae(t, p): return jnp.mean(jnp.abs(t - p))
def huber(t, p, delta): return jnp.mean(optax.huber_loss(p, t, delta=delta))
def log_cosh(t, p): return jnp.mean(jnp.log(jnp.cosh(p - t)))
def pinball(t, p, q):
    e = t - p
    return jnp.mean(jnp.where(e >= 0, q * e, (q - 1) * e))
def combined(t, p, alpha): return alpha * mse(t, p) + (1 - alpha) * mae(t, p)
def mse_penalty(t, p, lam): return mse(t, p) + lam * jnp.mean(p ** 2)
def bce(t, p):
    p = jnp.clip(p, EPS, 1 - EPS)
    return -jnp.mean(t * jnp.log(p) + (1 - t) * jnp.log(1 - p))
def bce_logits(t, z): return jnp.mean(optax.sigmoid_binary_cross_entropy(z, t))
def hinge(t, p): return jnp.mean(jnp.maximum(0, 1 - t * p))
def squared_hinge(t, p): return jnp.mean(jnp.maximum(0, 1 - t * p) ** 2)
def focal(t, p, gamma, alpha):
    p = jnp.clip(p, EPS, 1 - EPS)
    ce = -(t * jnp.log(p) + (1 - t) * jnp.log(1 - p))
    p_t = jnp.where(t == 1, p, 1 - p)
    alpha_t = jnp.where(t == 1, alpha, 1 - alpha)
    return jnp.mean(alpha_t * (1 - p_t) ** gamma * ce)
def focal_logits(t, z, gamma, alpha):
    # torchvision.ops.sigmoid_focal_loss, reduction="mean"
    p = jax.nn.sigmoid(z)
    ce = optax.sigmoid_binary_cross_entropy(z, t)
    p_t = p * t + (1 - p) * (1 - t)
    loss = ce * ((1 - p_t) ** gamma)
    alpha_t = alpha * t + (1 - alpha) * (1 - t)
    return jnp.mean(alpha_t * loss)
def cce(t, p):
    p = jnp.clip(p, EPS, 1 - EPS)
    return -jnp.mean(jnp.sum(t * jnp.log(p), axis=1))
def cce_logits(t, z): return jnp.mean(optax.softmax_cross_entropy(z, t))
def sparse_logits(k, z): return jnp.mean(optax.softmax_cross_entropy_with_integer_labels(z, k))
def sparse(k, p):
    p = jnp.clip(p, EPS, 1 - EPS)
    return jnp.mean(-jnp.log(p[jnp.arange(len(k)), k]))
def contrastive(x1, x2, y, margin):
    d = jnp.linalg.norm(x1 - x2, axis=1)
    return jnp.mean(0.5 * ((1 - y) * d ** 2 + y * jnp.maximum(0, margin - d) ** 2))
def triplet(a, p, n, margin):
    dp = jnp.linalg.norm(a - p, axis=1)
    dn = jnp.linalg.norm(a - n, axis=1)
    return jnp.mean(jnp.maximum(0, dp - dn + margin))


cases = []
def add(name, loss, options, inputs, differentiate):
    """inputs: ordered dict name -> array; differentiate: names to take gradients for."""
    names = list(inputs)
    args = [jnp.asarray(inputs[k]) for k in names]
    value = float(loss(*args))
    argnums = tuple(names.index(k) for k in differentiate)
    grads = jax.grad(loss, argnums=argnums)(*args)
    case = {"name": name, "loss": loss_name[name.split("/")[0]], "options": options, "value": value,
            "inputs": {k: np.asarray(v).tolist() for k, v in inputs.items()},
            "gradients": {k: np.asarray(g).tolist() for k, g in zip(differentiate, grads)}}
    assert np.isfinite(value) and all(np.all(np.isfinite(np.asarray(g))) for g in grads), name
    cases.append(case)

loss_name = {}
def register(case, cli): loss_name[case] = cli

n = 40
t = rng.normal(size=n) * 3
p = t + rng.normal(size=n) * 2
for key, cli in [("mse", "mse"), ("mae", "mae"), ("huber", "huber"), ("log-cosh", "log-cosh"),
                 ("quantile", "quantile"), ("combined", "combined"), ("mse-penalty", "mse-penalty"),
                 ("bce", "bce"), ("bce-logits", "bce"), ("hinge", "hinge"), ("squared-hinge", "squared-hinge"),
                 ("focal", "focal"), ("focal-logits", "focal"), ("cce", "cce"), ("cce-logits", "cce"),
                 ("sparse-cce", "sparse-cce"), ("sparse-cce-logits", "sparse-cce"),
                 ("contrastive", "contrastive"), ("triplet", "triplet")]:
    register(key, cli)

yp = {"y_true": t, "y_pred": p}
add("mse", lambda a, b: mse(a, b), {}, yp, ["y_pred"])
add("mae", lambda a, b: mae(a, b), {}, yp, ["y_pred"])
add("huber/delta1", lambda a, b: huber(a, b, 1.0), {"delta": 1.0}, yp, ["y_pred"])
add("huber/delta2.5", lambda a, b: huber(a, b, 2.5), {"delta": 2.5}, yp, ["y_pred"])
add("log-cosh", lambda a, b: log_cosh(a, b), {}, yp, ["y_pred"])
for q in (0.1, 0.5, 0.9):
    ref = mean_pinball_loss(t, p, alpha=q)
    assert abs(ref - float(pinball(jnp.asarray(t), jnp.asarray(p), q))) < 1e-12
    add(f"quantile/{q}", lambda a, b, q=q: pinball(a, b, q), {"quantile": q}, yp, ["y_pred"])
add("combined/0.3", lambda a, b: combined(a, b, 0.3), {"alpha": 0.3}, yp, ["y_pred"])
add("mse-penalty/0.1", lambda a, b: mse_penalty(a, b, 0.1), {"lambda": 0.1}, yp, ["y_pred"])

labels01 = rng.integers(0, 2, size=n).astype(float)
probs = rng.uniform(0.01, 0.99, size=n)
logits = rng.normal(size=n) * 4
extreme = np.array([1000.0, -1000.0, 1000.0, -1000.0, 0.0, 30.0, -30.0, 700.0])
extreme_labels = np.array([1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0])
add("bce", lambda a, b: bce(a, b), {}, {"y_true": labels01, "y_pred": probs}, ["y_pred"])
add("bce-logits", lambda a, b: bce_logits(a, b), {"from_logits": 1.0}, {"y_true": labels01, "y_pred": logits}, ["y_pred"])
add("bce-logits/extreme", lambda a, b: bce_logits(a, b), {"from_logits": 1.0},
    {"y_true": extreme_labels, "y_pred": extreme}, ["y_pred"])
signs = 2 * labels01 - 1
scores = rng.normal(size=n) * 2
add("hinge", lambda a, b: hinge(a, b), {}, {"y_true": signs, "y_pred": scores}, ["y_pred"])
add("squared-hinge", lambda a, b: squared_hinge(a, b), {}, {"y_true": signs, "y_pred": scores}, ["y_pred"])
add("focal", lambda a, b: focal(a, b, 2.0, 0.25), {}, {"y_true": labels01, "y_pred": probs}, ["y_pred"])
add("focal/gamma0.5-alpha0.6", lambda a, b: focal(a, b, 0.5, 0.6), {"gamma": 0.5, "alpha": 0.6},
    {"y_true": labels01, "y_pred": probs}, ["y_pred"])
add("focal-logits", lambda a, b: focal_logits(a, b, 2.0, 0.25), {"from_logits": 1.0},
    {"y_true": labels01, "y_pred": logits}, ["y_pred"])
add("focal-logits/extreme", lambda a, b: focal_logits(a, b, 2.0, 0.25), {"from_logits": 1.0},
    {"y_true": extreme_labels, "y_pred": extreme}, ["y_pred"])

rows, classes = 12, 4
class_index = rng.integers(0, classes, size=rows)
one_hot = np.eye(classes)[class_index]
soft = rng.dirichlet(np.ones(classes), size=rows)
row_probs = rng.dirichlet(np.ones(classes) * 3, size=rows)
row_logits = rng.normal(size=(rows, classes)) * 3
extreme_rows = np.array([[1000.0, -1000.0, 0.0, 5.0], [-1000.0, 1000.0, 999.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
extreme_index = np.array([1, 0, 3])
add("cce", lambda a, b: cce(a, b), {}, {"y_true": one_hot, "y_pred": row_probs}, ["y_pred"])
add("cce/soft-targets", lambda a, b: cce(a, b), {}, {"y_true": soft, "y_pred": row_probs}, ["y_pred"])
add("cce-logits", lambda a, b: cce_logits(a, b), {"from_logits": 1.0}, {"y_true": soft, "y_pred": row_logits}, ["y_pred"])
add("cce-logits/extreme", lambda a, b: cce_logits(a, b), {"from_logits": 1.0},
    {"y_true": np.eye(classes)[extreme_index], "y_pred": extreme_rows}, ["y_pred"])
add("sparse-cce", lambda a, b: sparse(a, b), {}, {"y_true": class_index, "y_pred": row_probs}, ["y_pred"])
add("sparse-cce-logits", lambda a, b: sparse_logits(a, b), {"from_logits": 1.0},
    {"y_true": class_index, "y_pred": row_logits}, ["y_pred"])
add("sparse-cce-logits/extreme", lambda a, b: sparse_logits(a, b), {"from_logits": 1.0},
    {"y_true": extreme_index, "y_pred": extreme_rows}, ["y_pred"])

dim = 5
x1 = rng.normal(size=(rows, dim))
x2 = x1 + rng.normal(size=(rows, dim)) * 0.8
pair_labels = rng.integers(0, 2, size=rows).astype(float)
add("contrastive/margin2", lambda a, b, y: contrastive(a, b, y, 2.0), {"margin": 2.0},
    {"x1": x1, "x2": x2, "labels": pair_labels}, ["x1", "x2"])
anchor = rng.normal(size=(rows, dim))
positive = anchor + rng.normal(size=(rows, dim)) * 0.7
negative = anchor + rng.normal(size=(rows, dim)) * 1.0
add("triplet/margin0.5", lambda a, p_, n_: triplet(a, p_, n_, 0.5), {"margin": 0.5},
    {"anchor": anchor, "positive": positive, "negative": negative}, ["anchor", "positive", "negative"])

print(json.dumps({"generator": "make_fixtures.py", "cases": cases}, indent=1))

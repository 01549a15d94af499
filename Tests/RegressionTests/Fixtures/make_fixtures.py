#!/usr/bin/env python3
"""Reference fixtures for Tests/RegressionTests (lossplot, branch `regression`).

Regenerate with:  pip install numpy scikit-learn scipy && python3 make_fixtures.py
Writes JSON next to this script. Floats are written with Python's repr, which
round-trips exactly, so Swift can compare to the last bit where that is the claim.

What is recorded:
  random_streams.json   numpy legacy RandomState(42) streams (the raw MT19937 words,
                        random_sample, standard_normal incl. the cached second value,
                        normal, uniform, randint, choice, permutation, shuffle).
  document_dataset.json the last Python block of loss-functions.md: make_regression,
                        the outlier perturbation from the global stream, train_test_split,
                        LinearRegression / Ridge(1.0) / Lasso(1.0) coefficients and test
                        MSE / MAE, and QuantileRegressor(q, alpha=0, highs) for q = 0.5
                        (= LAD) and q = 0.8: the same objectives as the robust
                        MAE / Quantile fits, so their optima are comparable.

Not written by this script: printed_block22.txt is the document's printed output for
that code block, copied from /work/shared/seed/printed-output.txt ("=== code block 22 ===").
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_regression
from sklearn.linear_model import Lasso, LinearRegression, QuantileRegressor, Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

HERE = os.path.dirname(os.path.abspath(__file__))


def floats(a):
    return [float(v) for v in np.ravel(a)]


def ints(a):
    return [int(v) for v in np.ravel(a)]


def versions():
    return {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "sklearn": sklearn.__version__,
    }


def random_streams():
    out = {"versions": versions(), "seed": 42}

    rs = np.random.RandomState(42)
    state = rs.get_state()
    out["state_key_first"] = ints(state[1][:8])
    out["state_key_last"] = ints(state[1][-4:])
    # Raw 32-bit words: legacy randint with dtype uint32 over the full range
    # returns next_uint32 unmasked.
    out["uint32_first"] = ints(np.random.RandomState(42).randint(0, 2**32, size=12, dtype=np.uint32))
    out["random_sample_first"] = floats(np.random.RandomState(42).random_sample(10))
    # Odd count: the 7th value is the first of a new polar pair, so the cached
    # second value of the 6th... is exercised as well as a fresh draw.
    out["standard_normal_first"] = floats(np.random.RandomState(42).standard_normal(7))
    # Cached value across calls: one normal, then three more.
    rs = np.random.RandomState(42)
    a = rs.standard_normal()
    b = rs.standard_normal(3)
    out["standard_normal_split_calls"] = [float(a)] + floats(b)
    # Reseeding drops the cached Gaussian.
    rs = np.random.RandomState(42)
    rs.standard_normal()
    rs.seed(42)
    out["standard_normal_after_reseed"] = floats(rs.standard_normal(3))
    # A random_sample after an odd number of normals: the cache is not touched.
    rs = np.random.RandomState(42)
    rs.standard_normal()
    u = rs.random_sample()
    n = rs.standard_normal()
    out["normal_sample_normal"] = [float(u), float(n)]
    out["normal_loc3_scale10"] = floats(np.random.RandomState(42).normal(loc=3.0, scale=10.0, size=5))
    out["uniform_first"] = floats(np.random.RandomState(42).uniform(size=5))
    out["uniform_m2_5"] = floats(np.random.RandomState(42).uniform(-2.0, 5.0, size=5))
    out["randint_0_2"] = ints(np.random.RandomState(42).randint(0, 2, size=20))
    out["randint_0_10"] = ints(np.random.RandomState(42).randint(0, 10, size=20))
    out["randint_m5_37"] = ints(np.random.RandomState(42).randint(-5, 37, size=10))
    # Ranges wider than 32 bits draw 64-bit words: (first uint32 << 32) | second.
    out["randint_0_2p40"] = ints(np.random.RandomState(42).randint(0, 2**40, size=6, dtype=np.int64))
    out["randint_pm2p62"] = ints(np.random.RandomState(42).randint(-2**62, 2**62, size=6, dtype=np.int64))
    out["choice_pm100_5"] = ints(np.random.RandomState(42).choice([-100, 100], size=5))
    out["permutation_10"] = ints(np.random.RandomState(42).permutation(10))
    out["permutation_100"] = ints(np.random.RandomState(42).permutation(100))
    arr = np.arange(7)
    np.random.RandomState(42).shuffle(arr)
    out["shuffle_arange_7"] = ints(arr)
    # Global stream: np.random.seed(42) then np.random.choice, as in the document.
    np.random.seed(42)
    out["global_choice_pm100_5"] = ints(np.random.choice([-100, 100], size=5))
    return out


def document_dataset():
    out = {"versions": versions()}
    np.random.seed(42)
    X, y = make_regression(n_samples=100, n_features=1, noise=10, random_state=42)
    out["X_clean"] = floats(X)
    out["y_clean"] = floats(y)
    _, _, coef = make_regression(n_samples=100, n_features=1, noise=10, random_state=42, coef=True)
    out["ground_truth_coef"] = floats(np.atleast_1d(coef))

    outlier_indices = [10, 25, 50, 75, 90]
    shifts = np.random.choice([-100, 100], size=len(outlier_indices))
    y = y.copy()
    y[outlier_indices] += shifts
    out["outlier_indices"] = outlier_indices
    out["outlier_shifts"] = ints(shifts)
    out["y"] = floats(y)

    idx_train, idx_test = train_test_split(np.arange(100), test_size=0.3, random_state=42)
    out["train_indices"] = ints(idx_train)
    out["test_indices"] = ints(idx_test)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)
    assert np.array_equal(X_train, X[idx_train]) and np.array_equal(y_test, y[idx_test])

    models = {
        "linear": LinearRegression(),
        "ridge": Ridge(alpha=1.0),
        "lasso": Lasso(alpha=1.0),
    }
    out["models"] = {}
    for name, model in models.items():
        model.fit(X_train, y_train)
        pred = model.predict(X_test)
        entry = {
            "coef": floats(model.coef_),
            "intercept": float(model.intercept_),
            "test_mse": float(mean_squared_error(y_test, pred)),
            "test_mae": float(mean_absolute_error(y_test, pred)),
            "test_pred": floats(pred),
        }
        if name == "lasso":
            entry["n_iter"] = int(model.n_iter_)
            entry["dual_gap"] = float(model.dual_gap_)
        out["models"][name] = entry

    # LAD = quantile regression at 0.5 without penalty: same objective as the
    # robust MAE / Quantile(0.5) fit (up to the constant factor 1/n).
    q = QuantileRegressor(quantile=0.5, alpha=0.0, solver="highs").fit(X_train, y_train)
    r = y_train - q.predict(X_train)
    out["lad"] = {
        "coef": floats(q.coef_),
        "intercept": float(q.intercept_),
        "mean_abs_residual": float(np.mean(np.abs(r))),
    }
    q8 = QuantileRegressor(quantile=0.8, alpha=0.0, solver="highs").fit(X_train, y_train)
    r8 = y_train - q8.predict(X_train)
    out["quantile_08"] = {
        "coef": floats(q8.coef_),
        "intercept": float(q8.intercept_),
        "mean_pinball_loss": float(np.mean(np.where(r8 >= 0, 0.8 * r8, (0.8 - 1) * r8))),
    }
    return out


def write(name, obj):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write("random_streams.json", random_streams())
    write("document_dataset.json", document_dataset())
    print("wrote fixtures to", HERE)

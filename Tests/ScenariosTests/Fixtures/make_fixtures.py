#!/usr/bin/env python3
"""Reference fixtures for Tests/ScenariosTests (lossplot, branch `scenarios`).

Regenerate with:  pip install numpy && python3 make_fixtures.py
Writes numpy_arrays.json next to this script: 1-D float64 arrays and what `print(arr)`
shows for them under numpy's default print options (precision 8, floatmode 'maxprec',
suppress False, linewidth 75). Values are written as Python repr strings (they round-trip
exactly, and 'nan' / 'inf' survive JSON).

Not written by this script: printed-output.txt is the document's printed output, copied from
the project's shared seed (seed/printed-output.txt).
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

rng = np.random.RandomState(7)
cases = {
    "mse_gradient": np.array([-0.25, 0.25, 0.0, 0.5]),
    "mae_gradient": np.array([-0.25, 0.25, 0.0, 0.25]),
    "bce_gradient": -(np.array([1, 0, 1, 1, 0]) / np.array([0.9, 0.1, 0.8, 0.6, 0.2])
                      - (1 - np.array([1, 0, 1, 1, 0])) / (1 - np.array([0.9, 0.1, 0.8, 0.6, 0.2]))) / 5,
    "thirds": np.array([1 / 3, 2 / 3, -1 / 3]),
    "integers": np.array([1.0, 2.0, 3.0]),
    "negative_integers": np.array([-1.0, 20.0, 300.0]),
    "zeros": np.zeros(3),
    "negative_zero": np.array([-0.0, 1.5]),
    "empty": np.array([], dtype=np.float64),
    "single": np.array([3.14159265358979]),
    "rounds_up": np.array([0.123456789, 0.999999999]),
    "trailing_zero_after_rounding": np.array([0.100000001, 2.5]),
    "tie_at_ninth_digit": np.array([0.001953125, 1.0]),
    "exp_small": np.array([1e-5, 1.0]),
    "exp_large": np.array([1e8, 1.0]),
    "exp_ratio": np.array([0.001, 2.0]),
    "exp_mixed_sign": np.array([-1.5e-7, 3.25e10, 42.0]),
    "exp_three_digit_exponent": np.array([1e-120, 1.0]),
    "nan_inf": np.array([np.nan, 1.5, -np.inf, np.inf]),
    "only_nan": np.array([np.nan, np.nan]),
    "large_values": np.array([12345.678, 9999999.5]),
    "normals": rng.standard_normal(6),
    "long_wrapping": rng.standard_normal(25),
    "long_small": np.linspace(0, 1, 30),
    "long_integers": np.arange(40, dtype=np.float64),
}

out = []
for name, arr in cases.items():
    out.append({"name": name, "values": [repr(float(v)) for v in arr], "printed": str(arr)})

with open(os.path.join(HERE, "numpy_arrays.json"), "w") as f:
    json.dump({"numpy": np.__version__, "cases": out}, f, indent=1, ensure_ascii=False)
    f.write("\n")

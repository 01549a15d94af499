"""Data files as numpy and pandas write them, for reading one column or one array of a file
(`lossplot eval --y-pred preds.csv:prediction`, `--y-pred preds.npz:y_pred`), and the answer key
read back with numpy's and pandas' own readers.

    python3 -m venv --system-site-packages .build/fixtures-venv
    .build/fixtures-venv/bin/pip install pandas
    cd Tests/DataFixtures && ../../.build/fixtures-venv/bin/python make_fixtures.py

Writes into Files/:
- preds.csv               DataFrame.to_csv (index column included: an unnamed first header cell),
                          with a text column and a column with a blank cell beside the numbers
- preds.npz               np.savez with named arrays (stored members)
- preds_compressed.npz    np.savez_compressed, the same arrays (deflated members)
- positional.npz          np.savez with positional arrays (arr_0, arr_1)
- single.npz              one array: a reference to the archive alone reads it
- dtypes.npz              float16, float32, big-endian float64, int32, bool and a Fortran-order matrix
- objects.npz             an object array (pickled), which numpy refuses without allow_pickle
- answer_key.json         every column and array as float64 values, read back by pandas and numpy
"""
import json
import os
import warnings

import numpy as np
import pandas as pd

OUT = "Files"
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20260611)
n = 12

target = rng.normal(size=n)
prediction = target + rng.normal(scale=0.3, size=n)
label = (rng.random(n) < 0.5).astype(np.int64)
probability = 1 / (1 + np.exp(-rng.normal(size=n)))
weight = rng.uniform(0.5, 2.0, size=n)
note = ["sample %d" % i for i in range(n)]
sparse = rng.normal(size=n)
sparse[3] = np.nan  # written as an empty cell

frame = pd.DataFrame({"target": target, "prediction": prediction, "label": label, "probability": probability,
                      "weight": weight, "note": note, "sparse": sparse})
frame.to_csv(os.path.join(OUT, "preds.csv"))

probs = rng.dirichlet(np.ones(3), size=n)
arrays = {"y_true": target, "y_pred": prediction, "labels": label, "probs": probs, "weights": weight}
np.savez(os.path.join(OUT, "preds.npz"), **arrays)
np.savez_compressed(os.path.join(OUT, "preds_compressed.npz"), **arrays)
np.savez(os.path.join(OUT, "positional.npz"), target, prediction)
np.savez(os.path.join(OUT, "single.npz"), only=prediction)
dtypes = {
    "f16": prediction.astype(np.float16),
    "f32": prediction.astype(np.float32),
    "be_f8": prediction.astype(">f8"),
    "i32": (label * 7 - 3).astype(np.int32),
    "flags": label.astype(bool),
    "fortran": np.asfortranarray(probs),
}
np.savez(os.path.join(OUT, "dtypes.npz"), **dtypes)
np.savez(os.path.join(OUT, "objects.npz"), o=np.array([{"a": 1}, None], dtype=object))


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=np.float64).ravel(order="C")]


key = {"versions": {"numpy": np.__version__, "pandas": pd.__version__}, "csv": {}, "npz": {}, "refused": {}}

# pandas reads the CSV back; round_trip is Python's own float parsing, exact for what to_csv wrote
# (pandas 3 deprecates the option without removing it).
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    back = pd.read_csv(os.path.join(OUT, "preds.csv"), index_col=0, float_precision="round_trip")
assert list(back.columns) == list(frame.columns)
header = open(os.path.join(OUT, "preds.csv")).readline().rstrip("\n").split(",")
assert header[0] == "", header
key["csv"]["preds.csv"] = {
    "header": header,
    "rows": len(back),
    "columns": {c: floats(back[c]) for c in ["target", "prediction", "label", "probability", "weight"]},
    "index": [int(i) for i in back.index],
    "blank": {"column": "sparse", "line": 1 + 1 + 3},
    "text": {"column": "note", "line": 2},
}
for c in ["target", "prediction", "probability", "weight"]:
    assert floats(back[c]) == floats(frame[c]), c

for name in ["preds.npz", "preds_compressed.npz", "positional.npz", "single.npz", "dtypes.npz"]:
    with np.load(os.path.join(OUT, name)) as archive:
        key["npz"][name] = {m: {"shape": list(archive[m].shape), "dtype": archive[m].dtype.str, "values": floats(archive[m])}
                            for m in archive.files}
with np.load(os.path.join(OUT, "objects.npz")) as archive:
    try:
        archive["o"]
        raise SystemExit("numpy read an object array without allow_pickle")
    except ValueError:
        key["refused"]["objects.npz"] = ["o"]

with open(os.path.join(OUT, "answer_key.json"), "w") as f:
    json.dump(key, f, indent=1)
    f.write("\n")

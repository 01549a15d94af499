"""Writes the TensorBoard event file fixtures under Fixtures/tfevents/ with the real writers, and
their answer key (tfevents/key.json) as tbparse's SummaryReader reads them back.

Run it from the repository root, in a virtual environment under .build/ (the CPU torch wheel
first, so that nothing pulls a CUDA build):

    python3 -m venv .build/tfevents-venv
    .build/tfevents-venv/bin/pip install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    .build/tfevents-venv/bin/pip install tensorboard tensorboardX tbparse pandas
    .build/tfevents-venv/bin/python Tests/RunLogsTests/Fixtures/make_tfevents_fixtures.py

Every run is seeded; the values, steps and tags come out the same each time (the wall times and
the file names, which hold the time and host, do not). Runs written:

- torch/simple: torch's SummaryWriter, `simple_value` scalars, a NaN and an Inf, an image and a
  histogram (which lossplot skips), and hyperparameters from `add_hparams` in torch/simple/hparams.
- torch/tensor: `new_style=True` tensor scalars (float32 `float_val`), and the same tags with
  `double_precision=True` (float64 `double_val`) in torch/tensor_double.
- torch/grouped: `add_scalars`, whose sub-writers make the runs torch/grouped/loss_train and
  torch/grouped/loss_val (the parent run itself holds no scalars).
- tensorboardx: tensorboardX's SummaryWriter (`simple_value`).
- two_files: two writers one after the other into one folder: one run of two event files.
"""
import json
import math
import os
import random
import shutil
import struct
import sys
import time

import numpy as np
import torch
from torch.utils.tensorboard import SummaryWriter
import tensorboardX
from tbparse import SummaryReader

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "tfevents")
STEPS = 12


def curve(rng, step, scale):
    """A noisy decaying loss, rounded through float32 as every writer stores it."""
    return scale * math.exp(-step / 5.0) + rng.random() * 0.05


def write_torch_simple(root):
    rng = random.Random(1)
    path = os.path.join(root, "torch", "simple")
    w = SummaryWriter(path)
    for step in range(STEPS):
        loss = curve(rng, step, 2.0)
        if step == 4:
            loss = float("nan")
        if step == 7:
            loss = float("inf")
        w.add_scalar("train/loss", loss, step)
        w.add_scalar("train/lr", 0.1 * 0.5 ** (step // 4), step)
        if step % 3 == 2:
            w.add_scalar("val/accuracy", 0.5 + step / 40.0 + rng.random() * 0.01, step)
    image = np.random.default_rng(2).random((3, 4, 4)).astype(np.float32)
    w.add_image("inputs", image, 0)
    w.add_histogram("weights", np.random.default_rng(3).normal(size=64), 0)
    w.add_hparams({"lr": 0.1, "batch_size": 32, "optimizer": "sgd", "nesterov": True},
                  {"hparam/accuracy": 0.75}, run_name="hparams")
    w.close()


def write_torch_tensor(root):
    rng = random.Random(2)
    single = SummaryWriter(os.path.join(root, "torch", "tensor"))
    double = SummaryWriter(os.path.join(root, "torch", "tensor_double"))
    for step in range(0, STEPS * 10, 10):
        loss = curve(rng, step / 10, 1.0)
        single.add_scalar("loss", loss, step, new_style=True)
        double.add_scalar("loss", loss, step, new_style=True, double_precision=True)
        single.add_scalar("grad_norm", 1.0 / 3.0 + step, step, new_style=True)
        double.add_scalar("grad_norm", 1.0 / 3.0 + step, step, new_style=True, double_precision=True)
    single.close()
    double.close()


def write_torch_grouped(root):
    rng = random.Random(3)
    w = SummaryWriter(os.path.join(root, "torch", "grouped"))
    for step in range(STEPS):
        w.add_scalars("loss", {"train": curve(rng, step, 1.5), "val": curve(rng, step, 1.7)}, step)
    w.close()


def write_tensorboardx(root):
    rng = random.Random(4)
    w = tensorboardX.SummaryWriter(os.path.join(root, "tensorboardx"))
    for step in range(1, STEPS + 1):
        w.add_scalar("loss", curve(rng, step, 3.0), step)
        w.add_scalar("accuracy", min(1.0, step / STEPS + rng.random() * 0.02), step)
    w.close()


def write_two_files(root):
    rng = random.Random(5)
    path = os.path.join(root, "two_files")
    for part in range(2):
        w = SummaryWriter(path, filename_suffix=".part%d" % part)
        for step in range(part * STEPS, (part + 1) * STEPS):
            w.add_scalar("loss", curve(rng, step, 1.0), step)
        w.close()
        time.sleep(0.05)


def number(x):
    """A value for the key: finite numbers as JSON numbers with their float64 bits beside them."""
    x = float(x)
    if math.isnan(x):
        return {"value": "nan"}
    if math.isinf(x):
        return {"value": "inf" if x > 0 else "-inf"}
    return {"value": x, "bits": "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]}


def point(step, value):
    return {"step": int(step), **number(value)}


def key_for(root):
    """Per run (folder under root) and tag: count, first, last, min, max (first occurrence), and
    the non-finite values' count and steps, from tbparse's scalars and scalar tensors."""
    runs = {}
    reader = SummaryReader(root, extra_columns={"dir_name"})
    frames = [reader.scalars]
    tensors = reader.tensors
    if not tensors.empty:
        tensors = tensors.copy()
        tensors["value"] = [float(np.asarray(v).item()) for v in tensors["value"]]
        frames.append(tensors)
    for frame in frames:
        if frame.empty:
            continue
        for (run, tag), group in frame.groupby(["dir_name", "tag"], sort=True):
            steps = list(group["step"])
            values = [float(v) for v in group["value"]]
            finite = [(s, v) for s, v in zip(steps, values) if math.isfinite(v)]
            low = min(finite, key=lambda p: p[1])
            high = max(finite, key=lambda p: p[1])
            runs.setdefault(run, {})[tag] = {
                "count": len(values),
                "first": point(steps[0], values[0]),
                "last": point(steps[-1], values[-1]),
                "min": point(*low),
                "max": point(*high),
                "nonFinite": {"count": len(values) - len(finite),
                              "steps": [int(s) for s, v in zip(steps, values) if not math.isfinite(v)]},
            }
    return runs


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    torch.manual_seed(0)
    write_torch_simple(OUT)
    write_torch_tensor(OUT)
    write_torch_grouped(OUT)
    write_tensorboardx(OUT)
    write_two_files(OUT)
    key = {"writers": {"torch": torch.__version__, "tensorboardX": tensorboardX.__version__},
           "runs": key_for(OUT)}
    with open(os.path.join(OUT, "key.json"), "w") as f:
        json.dump(key, f, indent=1, sort_keys=True)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(OUT) for n in ns)
    print("wrote %s (%d bytes)" % (OUT, total), file=sys.stderr)


if __name__ == "__main__":
    main()

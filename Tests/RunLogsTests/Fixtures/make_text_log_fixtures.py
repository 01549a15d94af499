"""Writes the text-log fixtures of RunLogsTests with the real loggers, and their answer keys.

Each format gets a folder beside this script, holding what the logger wrote in a tiny seeded run
(binary checkpoints removed) and `answer_key.json`, read back by the logger's own reader:
TrainerState.load_from_json (trainer_state), pandas.read_csv (lightning, keras, dvclive, csv),
MlflowClient (mlflow). The Swift tests compare every metric to the key; they never run Python.

Run from the repository root (once; the fixtures are committed):

    python3.11 -m venv .build/fixture-venv && . .build/fixture-venv/bin/activate
    pip install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    pip install transformers accelerate lightning keras dvclive mlflow-skinny pandas pyyaml
    MLFLOW_ENABLE_TELEMETRY=false python Tests/RunLogsTests/Fixtures/make_text_log_fixtures.py [FORMAT...]

(The script sets KERAS_BACKEND=torch, HF_HUB_OFFLINE=1, DVC_NO_ANALYTICS=1 and
MLFLOW_ALLOW_FILE_STORE=true itself; FORMAT is any of trainer_state lightning keras dvclive mlflow
csv, all by default. About 15 s on two cores.)

Written with torch 2.13.0+cpu, transformers 5.24.0, accelerate 1.15.0, lightning 2.6.6,
keras 3.15.1, dvclive 3.49.1, mlflow-skinny 3.17.2, pandas 3.1.1, PyYAML 6.0.4.

The key's rules (the reader's, stated once here):
- a point is a value the logger wrote; a cell left blank, or a spelling pandas reads as missing
  other than a NaN (`NA`, `N/A`, `null`, `None`...), is "not logged"; `nan`, `inf`, `Infinity`
  are values (non-finite points: pandas reads them as NaN too, but the logger wrote a value);
- min and max leave non-finite values out and keep the first occurrence of a tie;
- metrics are in the order of their first point (row by row, left to right, in a table);
- trainer_state: the output folder is one run, read from its most complete state (the largest
  global_step; a tie goes to the final state in the folder itself, then the later checkpoint);
- values are written exactly (Python's repr round-trips); non-finite ones as "NaN", "Infinity",
  "-Infinity" strings, so the key is plain JSON;
- params: nested keys joined with `.`, list items by index (`betas.0`); YAML scalars as written;
  JSON numbers that are whole (below 1e16) without a decimal point, others as Python's repr;
  booleans `true`/`false`; nulls left out. trainer_state's params are the Trainer's settings it
  records (train_batch_size, num_train_epochs, max_steps, logging/eval/save_steps, trial_name,
  trial_params.*), not its progress (global_step, epoch, total_flos, best_*).
"""

import csv
import json
import math
import os
import random
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import yaml

HERE = Path(__file__).resolve().parent
# Spellings pandas reads as missing, less the NaN spellings: those are values a logger wrote.
MISSING = {"", "#N/A", "#N/A N/A", "#NA", "<NA>", "N/A", "NA", "NULL", "None", "n/a", "null"}


def fresh(name):
    folder = HERE / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def number(value):
    """A value for the key: the float itself, or its name when not finite."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def summary(name, axis, points):
    """points: dicts with step, value and optionally epoch, wall. In the order written."""
    finite = [p for p in points if math.isfinite(p["value"])]

    def point(p, extra=False):
        out = {"step": p["step"], "value": number(p["value"])}
        if extra:
            for k in ("epoch", "wall"):
                if p.get(k) is not None:
                    out[k] = p[k]
        return out

    lowest = min(finite, key=lambda p: p["value"]) if finite else None  # min keeps the first tie
    highest = max(finite, key=lambda p: p["value"]) if finite else None
    bad = [p["step"] for p in points if not math.isfinite(p["value"])]
    return {
        "name": name,
        "axis": axis,
        "count": len(points),
        "first": point(points[0], extra=True),
        "last": point(points[-1], extra=True),
        "min": point(lowest) if lowest else None,
        "max": point(highest) if highest else None,
        "nonFinite": {"count": len(bad), "steps": bad},
    }


def json_param(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if float(value).is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(float(value))
    return str(value)


def flatten_yaml(node, prefix, out):
    """Flattens a PyYAML node tree, scalars as written."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            flatten_yaml(value, f"{prefix}.{key.value}" if prefix else key.value, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            flatten_yaml(value, f"{prefix}.{i}" if prefix else str(i), out)
    elif node.tag != "tag:yaml.org,2002:null":
        out[prefix] = node.value


def yaml_params(path):
    with open(path, encoding="utf-8") as f:
        node = yaml.compose(f, Loader=yaml.SafeLoader)  # nodes, not values: scalars as written
    out = {}
    if node is not None:
        flatten_yaml(node, "", out)
    return out


def read_text_table(path, sep):
    """Cells as pandas splits them, as text; checked against pandas' own numeric reading."""
    text = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    numeric = pd.read_csv(path, sep=sep)  # pandas 3 parses floats exactly by default
    for column in text.columns:
        for raw, parsed in zip(text[column], numeric[column]):
            if raw in MISSING:
                assert pd.isna(parsed), (path, column, raw)
            elif column in numeric.select_dtypes("number").columns:
                value = float(raw)
                assert (math.isnan(value) and pd.isna(parsed)) or value == parsed, (path, column, raw, parsed)
    return text


def column_points(table, x, value_column, epoch_column=None, wall_column=None, wall_scale=1.0):
    points = []
    for i, row in table.iterrows():
        raw = row[value_column]
        if raw in MISSING:
            continue
        step = int(row[x]) if x is not None else i
        p = {"step": step, "value": float(raw)}
        if epoch_column is not None and row[epoch_column] not in MISSING:
            p["epoch"] = float(row[epoch_column])
        if wall_column is not None and row[wall_column] not in MISSING:
            p["wall"] = float(row[wall_column]) / wall_scale
        points.append(p)
    return points


def write_key(folder, runs, **extra):
    key = {"runs": runs, **extra}
    with open(folder / "answer_key.json", "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")


# --- Hugging Face Trainer -------------------------------------------------------------------

def make_trainer_state():
    import numpy as np
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainerState, TrainingArguments, set_seed

    folder = fresh("trainer_state")
    out = folder / "out"
    set_seed(0)
    model = GPT2LMHeadModel(GPT2Config(vocab_size=16, n_positions=8, n_embd=8, n_layer=1, n_head=2))
    generator = torch.Generator().manual_seed(0)

    class Tokens(torch.utils.data.Dataset):
        def __init__(self, n):
            self.ids = torch.randint(0, 16, (n, 8), generator=generator)

        def __len__(self):
            return len(self.ids)

        def __getitem__(self, i):
            return {"input_ids": self.ids[i], "labels": self.ids[i]}

    evaluations = []

    def compute_metrics(prediction):
        # NaN at the first evaluation and +inf at the second, as a ratio over an empty set
        # (or by zero) would be; a plain accuracy after that.
        evaluations.append(1)
        logits, labels = prediction.predictions, prediction.label_ids
        accuracy = float((np.argmax(logits[:, :-1], -1) == labels[:, 1:]).mean())
        odd = {1: float("nan"), 2: float("inf")}.get(len(evaluations), accuracy * 2)
        return {"accuracy": accuracy, "odd_ratio": odd}

    args = TrainingArguments(
        output_dir=str(out), max_steps=12, per_device_train_batch_size=4, per_device_eval_batch_size=4,
        learning_rate=5e-3, logging_steps=2, eval_strategy="steps", eval_steps=4, save_strategy="steps",
        save_steps=4, report_to=[], seed=0, use_cpu=True, disable_tqdm=True,
    )
    trainer = Trainer(model=model, args=args, train_dataset=Tokens(24), eval_dataset=Tokens(8),
                      compute_metrics=compute_metrics)
    trainer.train()
    trainer.save_state()
    # Keep the JSON the Trainer wrote; drop weights, optimizer and pickles (binary, not logs).
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix != ".json":
            path.unlink()

    states = sorted(out.rglob("trainer_state.json"))
    loaded = {p: TrainerState.load_from_json(str(p)) for p in states}
    # The reader's rule: the largest global_step; a tie goes to the file in the output folder
    # itself (the final save_state()), then to the later checkpoint-N.
    def rank(p):
        in_checkpoint = p.parent.name.startswith("checkpoint-")
        return (loaded[p].global_step, not in_checkpoint, int(p.parent.name[11:]) if in_checkpoint else 0)

    chosen = max(states, key=rank)
    state = loaded[chosen]
    metrics = {}
    for row in state.log_history:
        for key in sorted(row):
            value = row[key]
            if key in ("step", "epoch") or isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            metrics.setdefault(key, []).append({"step": row["step"], "value": float(value), "epoch": row.get("epoch")})
    # Params: the Trainer's settings the state records (not its progress: global_step, epoch,
    # total_flos, best_*), and a hyperparameter search's trial. training_args.bin is a pickle.
    raw = json.loads(chosen.read_text(encoding="utf-8"))
    params = {}
    for key in ("train_batch_size", "num_train_epochs", "max_steps", "logging_steps", "eval_steps",
                "save_steps", "trial_name"):
        if raw.get(key) is not None:
            params[key] = json_param(raw[key])
    for key, value in (raw.get("trial_params") or {}).items():
        if value is not None:
            params["trial_params." + key] = json_param(value)
    runs = [{
        "name": "out",
        "files": [str(chosen.relative_to(folder))],
        "params": params,
        "metrics": [summary(name, "step", points) for name, points in metrics.items()],
    }]
    write_key(folder, runs, claimed=[str(p.relative_to(folder)) for p in states])


# --- Lightning CSVLogger ----------------------------------------------------------------------

def make_lightning():
    import lightning as L
    import torch
    from lightning.pytorch.loggers import CSVLogger

    folder = fresh("lightning")

    class Tiny(L.LightningModule):
        def __init__(self, lr=0.05, hidden=4, optimizer=None, betas=(0.9, 0.99), note=None):
            super().__init__()
            self.save_hyperparameters()
            self.net = torch.nn.Sequential(torch.nn.Linear(3, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, 1))

        def training_step(self, batch, batch_idx):
            x, y = batch
            loss = torch.nn.functional.mse_loss(self.net(x), y)
            self.log("train_loss", loss)
            self.log("train_mae", (self.net(x) - y).abs().mean(), on_step=True, on_epoch=True)
            if self.current_epoch == 1 and batch_idx == 1:
                self.log("grad_scale", float("nan"))  # a NaN, as an fp16 scaler can log
            return loss

        def validation_step(self, batch, batch_idx):
            x, y = batch
            self.log("val_loss", torch.nn.functional.mse_loss(self.net(x), y))

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)

    for version, (seed, lr) in enumerate([(0, 0.05), (1, 0.1)]):
        L.seed_everything(seed)
        x = torch.randn(24, 3)
        y = x.sum(1, keepdim=True) * 0.5
        train = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[:16], y[:16]), batch_size=4)
        val = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[16:], y[16:]), batch_size=4)
        model = Tiny(lr=lr, optimizer={"name": "sgd", "momentum": 0.0, "nesterov": False}, note="seed %d" % seed)
        trainer = L.Trainer(
            max_epochs=3, logger=CSVLogger(str(folder), name="tiny"), log_every_n_steps=1,
            enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False,
            accelerator="cpu", deterministic=True,
        )
        trainer.fit(model, train, val)

    runs = []
    for version in sorted((folder / "tiny").iterdir()):
        path = version / "metrics.csv"
        table = read_text_table(path, ",")
        metrics = [
            summary(column, "step", column_points(table, "step", column, epoch_column="epoch"))
            for column in table.columns if column not in ("step", "epoch")
        ]
        metrics.sort(key=lambda m: first_row(table, m["name"]))
        runs.append({
            "name": str(version.relative_to(folder)),
            "files": [str(path.relative_to(folder)), str((version / "hparams.yaml").relative_to(folder))],
            "params": yaml_params(version / "hparams.yaml"),
            "metrics": metrics,
        })
    write_key(folder, runs)


def first_row(table, column):
    """The first row where a column has a value, then the column's place: the reader's order."""
    for i, raw in enumerate(table[column]):
        if raw not in MISSING:
            return (i, list(table.columns).index(column))
    return (len(table), 0)


# --- Keras CSVLogger --------------------------------------------------------------------------

def make_keras():
    import keras
    import numpy as np

    folder = fresh("keras")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 3)).astype("float32")
    y = (x @ np.array([[1.0], [-2.0], [0.5]], dtype="float32"))
    xv, yv = x[:8] + 0.1, y[:8]

    def model(lr):
        m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1)])
        m.compile(optimizer=keras.optimizers.SGD(lr), loss="mse", metrics=["mae"])
        return m

    logs = {}
    keras.utils.set_random_seed(0)
    model(0.05).fit(x, y, epochs=5, batch_size=8, validation_data=(xv, yv), validation_freq=2, verbose=0,
                    callbacks=[keras.callbacks.CSVLogger(str(folder / "history.csv"))])
    logs["history"] = ("history.csv", ",")
    # A learning rate far too large: the loss overflows to inf and then NaN. Separator ';'.
    keras.utils.set_random_seed(1)
    model(3.0).fit(x, y, epochs=6, batch_size=8, validation_data=(xv, yv), verbose=0,
                   callbacks=[keras.callbacks.CSVLogger(str(folder / "diverged.csv"), separator=";")])
    logs["diverged"] = ("diverged.csv", ";")
    keras.utils.set_random_seed(2)
    model(0.05).fit(x, y, epochs=3, batch_size=8, validation_data=(xv, yv), verbose=0,
                    callbacks=[keras.callbacks.CSVLogger(str(folder / "training.log"), separator="\t")])
    logs["training"] = ("training.log", "\t")
    # Two fits appending to one log, the second without initial_epoch: epochs 0..3 then 0..2.
    keras.utils.set_random_seed(3)
    m = model(0.05)
    m.fit(x, y, epochs=4, batch_size=8, validation_data=(xv, yv), verbose=0,
          callbacks=[keras.callbacks.CSVLogger(str(folder / "appended.csv"))])
    m.fit(x, y, epochs=3, batch_size=8, validation_data=(xv, yv), verbose=0,
          callbacks=[keras.callbacks.CSVLogger(str(folder / "appended.csv"), append=True)])
    logs["appended"] = ("appended.csv", ",")

    runs = []
    for name, (file, sep) in sorted(logs.items()):
        table = read_text_table(folder / file, sep)
        epochs = [int(e) for e in table["epoch"]]
        restarts = [i + 2 for i in range(1, len(epochs)) if epochs[i] < epochs[i - 1]]  # file lines
        runs.append({
            "name": name,
            "files": [file],
            "separator": sep,
            "params": {},
            "restartLines": restarts,
            "metrics": sorted((summary(c, "epoch", column_points(table, "epoch", c)) for c in table.columns if c != "epoch"),
                              key=lambda m: first_row(table, m["name"])),
        })
    write_key(folder, runs)


# --- DVCLive ----------------------------------------------------------------------------------

def make_dvclive():
    from dvclive import Live

    folder = fresh("dvclive")
    rng = random.Random(0)
    # DVCLive looks for a DVC/Git repository from the working folder (and would set one up in
    # this one): log in a scratch project outside it and keep its dvclive/ folder.
    scratch = Path(tempfile.mkdtemp())
    here = os.getcwd()
    os.chdir(scratch)
    with Live(dir="dvclive", save_dvc_exp=False, dvcyaml=None) as live:
        live.log_params({"lr": 0.01, "seed": 0, "model": {"hidden": 8, "act": "relu"}, "layers": [4, 2]})
        loss = 2.0
        for step in range(8):
            loss *= 0.8 + 0.1 * rng.random()
            live.log_metric("train/loss", loss, timestamp=True)  # a timestamp column (ms)
            live.log_metric("lr", 0.01 * (1 - step / 8))
            if step % 3 == 2:
                live.log_metric("eval/acc", 0.5 + 0.05 * step)
            if step == 5:
                live.log_metric("eval/ppl", float("inf"))
            elif step in (2, 6):
                live.log_metric("eval/ppl", math.exp(loss))
            live.next_step()
    os.chdir(here)
    shutil.copytree(scratch / "dvclive", folder / "dvclive")
    shutil.rmtree(scratch)

    root = folder / "dvclive"
    metrics_dir = root / "plots" / "metrics"
    metrics = []
    files = []
    for path in sorted(metrics_dir.rglob("*.tsv")):
        name = str(path.relative_to(metrics_dir).with_suffix(""))
        table = read_text_table(path, "\t")
        value = [c for c in table.columns if c not in ("step", "timestamp")][0]
        metrics.append(summary(name, "step", column_points(table, "step", value, wall_column="timestamp" if "timestamp" in table.columns else None,
                                                            wall_scale=1000.0)))
        files.append(str(path.relative_to(folder)))
    runs = [{"name": "dvclive", "files": files + ["dvclive/params.yaml"], "params": yaml_params(root / "params.yaml"),
             "metrics": metrics}]
    write_key(folder, runs)


# --- MLflow file store ------------------------------------------------------------------------

def make_mlflow():
    import mlflow
    from mlflow.tracking import MlflowClient

    folder = fresh("mlflow")
    uri = (folder / "mlruns").as_uri()
    mlflow.set_tracking_uri(uri)
    experiment = mlflow.create_experiment("tiny")
    rng = random.Random(0)
    start = 1_700_000_000_000
    for name, lr in (("alpha", 0.1), ("beta", 0.2)):
        with mlflow.start_run(experiment_id=experiment, run_name=name):
            mlflow.log_param("lr", lr)
            mlflow.log_params({"optimizer/name": "sgd", "layers": 2, "note": "tiny run %s" % name})
            loss = 1.0
            for step in range(6):
                loss *= 0.7 + 0.2 * rng.random()
                mlflow.log_metric("loss", loss, step=step * 10, timestamp=start + step * 1000)
                if step % 2 == 1:
                    mlflow.log_metric("eval/accuracy", 0.6 + step * 0.05, step=step * 10, timestamp=start + step * 1000 + 500)
            mlflow.log_metric("final_score", 0.5 if name == "alpha" else float("nan"))  # no step: MLflow writes 0
            mlflow.log_metric("final_score", 0.75)
    # A deleted run stays in place, marked deleted in its meta.yaml; MLflow's listing hides it.
    with mlflow.start_run(experiment_id=experiment, run_name="gamma") as run:
        mlflow.log_metric("loss", 9.0, step=0)
    MlflowClient(uri).delete_run(run.info.run_id)
    # A deleted experiment: MLflow moves it to .trash, which a reader skips.
    scratch = mlflow.create_experiment("scratch")
    with mlflow.start_run(experiment_id=scratch, run_name="deleted"):
        mlflow.log_metric("loss", 1.0, step=0)
    MlflowClient(uri).delete_experiment(scratch)

    client = MlflowClient(uri)
    runs = []
    for run in client.search_runs([experiment]):
        metrics = []
        for key in sorted(run.data.metrics):
            history = client.get_metric_history(run.info.run_id, key)
            points = [{"step": m.step, "value": m.value, "wall": m.timestamp / 1000.0} for m in history]
            metrics.append(summary(key, "step", points))
        runs.append({
            "name": run.info.run_name,
            "folder": str(Path("mlruns") / experiment / run.info.run_id),
            "params": dict(run.data.params),
            "metrics": metrics,
        })
    runs.sort(key=lambda r: r["name"])
    write_key(folder, runs)


# --- Generic CSV/TSV --------------------------------------------------------------------------

def make_csv():
    folder = fresh("csv")
    rng = random.Random(0)
    # pandas' to_csv: a step column, missing values written blank.
    rows = []
    loss = 3.0
    for step in range(0, 50, 5):
        loss *= 0.85 + 0.1 * rng.random()
        rows.append({"step": step, "loss": loss, "val_loss": loss * 1.1 if step % 10 == 0 else float("nan"),
                     "lr": 1e-3 * 0.9 ** step})
    pd.DataFrame(rows).to_csv(folder / "pandas_steps.csv", index=False)
    # Python's csv module, tab-separated, by epoch: R-style NA for not logged, a NaN and an inf.
    with open(folder / "by_epoch.tsv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["epoch", "loss", "acc"])
        for epoch in range(6):
            value = {3: float("nan"), 4: float("inf")}.get(epoch, 1.0 / (epoch + 1))
            w.writerow([epoch, value, 0.5 + 0.1 * epoch if epoch % 2 else "NA"])
    # Semicolon-separated (a spreadsheet in a comma-decimal locale would write this), by iter.
    with open(folder / "iters.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["iter", "loss", "note"])
        for it in range(0, 400, 100):
            w.writerow([it, 2.0 / (it + 1), "warmup" if it == 0 else ""])
    # No x column at all: the row index is the step.
    with open(folder / "no_x.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["loss", "accuracy"])
        for i in range(5):
            w.writerow([1.0 - 0.1 * i, "" if i == 2 else 0.2 * i])

    files = {"pandas_steps.csv": ",", "by_epoch.tsv": "\t", "iters.csv": ";", "no_x.csv": ","}
    runs = []
    for file, sep in sorted(files.items()):
        table = read_text_table(folder / file, sep)
        x = next((c for c in ("step", "epoch", "iter") if c in table.columns), None)
        axis = "epoch" if x == "epoch" else "step"
        metrics = []
        for column in table.columns:
            if column == x:
                continue
            values = [raw for raw in table[column] if raw not in MISSING]
            try:
                [float(v) for v in values]
            except ValueError:
                continue  # a text column is not a metric
            metrics.append(summary(column, axis, column_points(table, x, column,
                                                              epoch_column="epoch" if x != "epoch" and "epoch" in table.columns else None)))
        metrics.sort(key=lambda m: first_row(table, m["name"]))
        runs.append({"name": Path(file).stem, "files": [file], "separator": sep, "params": {}, "metrics": metrics})
    write_key(folder, runs)


if __name__ == "__main__":
    os.environ.setdefault("KERAS_BACKEND", "torch")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("DVC_NO_ANALYTICS", "1")
    # MLflow 3 keeps the file store in maintenance mode behind this switch; users still have mlruns/.
    os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")
    import sys

    wanted = sys.argv[1:] or ["trainer_state", "lightning", "keras", "dvclive", "mlflow", "csv"]
    for name in wanted:
        globals()["make_" + name]()
        print("wrote", HERE / name)

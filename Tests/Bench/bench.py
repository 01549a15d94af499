"""lossplot's benchmark suite: each workload run by lossplot and by its Python anchor,
alternating, several times; medians and their ratio printed as one table.

Whole-process timings (what a user waits for) unless a row says in-process.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".build" / "release" / "lossplot"
BENCH_BIN = ROOT / ".build" / "release" / "lossplot-bench"
DATA = ROOT / ".build" / "bench-data"


def timed(cmd, cwd=None, env=None):
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def alternate(ours, anchor, reps):
    """Runs ours and the anchor in turns, after one warm-up each; returns both medians."""
    ours(); anchor()
    a, b = [], []
    for _ in range(reps):
        a.append(ours())
        b.append(anchor())
    return statistics.median(a), statistics.median(b)


def make_data(n_rows, n_scatter):
    import numpy as np
    DATA.mkdir(parents=True, exist_ok=True)
    stamp = DATA / f"stamp-{n_rows}-{n_scatter}"
    if stamp.exists():
        return
    rng = np.random.default_rng(7)
    y = rng.standard_normal(n_rows)
    np.save(DATA / "y_true.npy", y)
    np.save(DATA / "y_pred.npy", y + rng.standard_normal(n_rows) * 0.5)
    np.save(DATA / "labels.npy", (rng.random(n_rows) < 0.3).astype(np.float64))
    np.save(DATA / "probs.npy", rng.uniform(0.001, 0.999, n_rows))
    x = rng.standard_normal(n_scatter)
    with open(DATA / "scatter.csv", "w") as f:
        f.write("x,y\n")
        np.savetxt(f, np.column_stack([x, 2 * x + rng.standard_normal(n_scatter)]), delimiter=",", fmt="%.17g")
    stamp.touch()


NUMPY_FORMULAS = {
    "mse": "np.mean((a - b) ** 2)",
    "huber": "(lambda e: np.where(np.abs(e) <= 1.0, 0.5 * e ** 2, 1.0 * (np.abs(e) - 0.5)).mean())(a - b)",
    "bce": "(lambda p: -np.mean(a * np.log(p) + (1 - a) * np.log(1 - p)))(np.clip(b, 1e-15, 1 - 1e-15))",
}
EVAL_FILES = {"mse": ("y_true", "y_pred"), "huber": ("y_true", "y_pred"), "bce": ("labels", "probs")}


def bench_eval(loss, reps):
    t, p = (str(DATA / f"{n}.npy") for n in EVAL_FILES[loss])
    code = f"import numpy as np; a = np.load({t!r}); b = np.load({p!r}); print({NUMPY_FORMULAS[loss]})"
    ours = lambda: timed([str(BIN), "eval", loss, "--y-true", t, "--y-pred", p])
    anchor = lambda: timed([sys.executable, "-c", code])
    return alternate(ours, anchor, reps)


def document_figure_script(doc, out_dir):
    """The document's own figure-drawing code blocks, saving each figure instead of showing it."""
    blocks = re.findall(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    helpers = [b for b in blocks if "def mse_loss" in b or "def mae_loss" in b]
    figures = [b for b in blocks if "plt.show()" in b]
    parts = ["import matplotlib\nmatplotlib.use('Agg')\nimport numpy as np\nimport matplotlib.pyplot as plt\n"]
    parts += [h.split("# Приклад")[0] for h in helpers]
    for i, block in enumerate(figures):
        parts.append(block.replace("plt.show()", f"plt.savefig({str(out_dir / f'fig{i}.png')!r}, dpi=100); plt.close('all')"))
    return "\n".join(parts), len(figures)


def bench_report(doc, reps):
    work = Path(tempfile.mkdtemp(prefix="lossplot-bench-"))
    script, count = document_figure_script(doc, work)
    (work / "figures.py").write_text(script, encoding="utf-8")
    out = work / "report"
    ours = lambda: timed([str(BIN), "report", "--out", str(out)])
    anchor = lambda: timed([sys.executable, str(work / "figures.py")], cwd=work)
    result = alternate(ours, anchor, reps)
    shutil.rmtree(work, ignore_errors=True)
    return result, count


def bench_scatter(reps):
    csv = DATA / "scatter.csv"
    work = Path(tempfile.mkdtemp(prefix="lossplot-bench-"))
    code = ("import pandas as pd, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt; "
            f"d = pd.read_csv({str(csv)!r}); plt.figure(figsize=(10, 6)); plt.scatter(d['x'], d['y'], s=4); "
            f"plt.savefig({str(work / 'mpl.png')!r}, dpi=100)")
    ours = lambda: timed([str(BIN), "plot", str(csv), "--x", "x", "--y", "y", "--kind", "scatter", "--out", str(work / "ours.png")])
    anchor = lambda: timed([sys.executable, "-c", code])
    result = alternate(ours, anchor, reps)
    subprocess.run([str(BIN), "plot", str(csv), "--x", "x", "--y", "y", "--kind", "scatter", "--out", str(work / "ours.svg")], check=True, stdout=subprocess.DEVNULL)
    svg_bytes = (work / "ours.svg").stat().st_size
    shutil.rmtree(work, ignore_errors=True)
    return result, svg_bytes


def bench_in_process(reps):
    """In-process: lossplot's MSE loop against a plain sum over the same bytes, and CSV parsing
    against pandas.read_csv, each as the median of several runs."""
    rows = {}
    if BENCH_BIN.exists():
        out = subprocess.run([str(BENCH_BIN), "kernel", str(DATA / "y_true.npy"), str(DATA / "y_pred.npy"), "--reps", str(reps)],
                             check=True, capture_output=True, text=True).stdout
        rows["kernel"] = json.loads(out)
        out = subprocess.run([str(BENCH_BIN), "csv", str(DATA / "scatter.csv"), "--reps", str(reps)],
                             check=True, capture_output=True, text=True).stdout
        rows["csv"] = json.loads(out)
    import pandas as pd
    csv = DATA / "scatter.csv"
    size = csv.stat().st_size
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        pd.read_csv(csv)
        times.append(time.perf_counter() - start)
    rows["pandas_csv_mb_s"] = size / 1e6 / statistics.median(times)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--scatter", type=int, default=1_000_000)
    ap.add_argument("--doc", type=Path, default=ROOT.parent / "shared" / "seed" / "loss-functions.md",
                    help="the document whose figure code is the report's anchor")
    args = ap.parse_args()
    if not BIN.exists():
        sys.exit(f"bench: {BIN} is missing; run `swift build -c release` first")
    make_data(args.rows, args.scatter)
    table = []

    def row(name, ours, anchor, target=None, note=""):
        ratio = anchor / ours
        verdict = "" if target is None else ("ok" if ratio >= target else f"BELOW {target}x")
        table.append((name, f"{ours * 1000:.0f} ms", f"{anchor * 1000:.0f} ms", f"{ratio:.1f}x", verdict, note))

    if args.doc.exists():
        (ours, anchor), count = bench_report(args.doc, args.reps)
        row("report (all charts, SVG+PNG) vs document's figure code", ours, anchor, 20, f"{count} matplotlib figures")
    else:
        print(f"bench: {args.doc} not found; report row skipped", file=sys.stderr)
    for loss, target in (("mse", 2), ("huber", 3), ("bce", 3)):
        ours, anchor = bench_eval(loss, args.reps)
        row(f"eval {loss}, {args.rows:.0e} rows .npy vs numpy", ours, anchor, target)
    (ours, anchor), svg = bench_scatter(args.reps)
    row(f"plot scatter {args.scatter:.0e} points CSV->PNG vs pandas+matplotlib", ours, anchor, 3, f"SVG {svg / 1e6:.2f} MB")
    extra = bench_in_process(args.reps)

    print(f"\nlossplot benchmarks, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}, medians of {args.reps} alternating runs\n")
    header = ("workload", "lossplot", "anchor", "speed-up", "target", "note")
    widths = [max(len(str(r[i])) for r in table + [header]) for i in range(len(header))]
    for r in [header] + table:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    if "kernel" in extra:
        k = extra["kernel"]
        ratio = k["mse_seconds"] / k["sum_seconds"]
        print(f"\nin-process MSE loop {k['mse_seconds'] * 1000:.1f} ms vs plain sum {k['sum_seconds'] * 1000:.1f} ms over the same bytes: "
              f"{ratio:.2f}x the floor (target within 1.5x)")
    if "csv" in extra:
        print(f"CSV parsing: lossplot {extra['csv']['mb_per_s']:.0f} MB/s vs pandas.read_csv {extra['pandas_csv_mb_s']:.0f} MB/s")
    else:
        print(f"CSV parsing: pandas.read_csv {extra['pandas_csv_mb_s']:.0f} MB/s (lossplot-bench not built)")


if __name__ == "__main__":
    main()

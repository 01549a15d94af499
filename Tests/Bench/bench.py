"""lossplot's benchmark suite: each workload run by lossplot and by what a user would run instead
(its Python anchor), taking turns, several times; medians and their ratio printed as one table.

Whole-process timings (what a user waits for) unless a row says in-process. The anchors' Python code
for the report and for `eval` is the document's own, extracted from it at bench time.
"""
import argparse
import ast
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
RESULTS = ROOT / ".build" / "bench-results.md"


# ---------------------------------------------------------------- running and timing

TIME = Path("/usr/bin/time")


def timed(cmd, cwd=None):
    """Seconds one run of a command takes to completion (output discarded)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-800:]}")
    return elapsed


def peak_rss(cmd):
    """Peak resident memory of a command in bytes, as GNU time reports it (`%M`, the -v "Maximum
    resident set size"). Measured through /usr/bin/time rather than this process's wait4: a child
    forked from this Python (with numpy and pandas loaded) would count the parent's pages too."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
        timed([str(TIME), "-f", "%M", "-o", out.name] + cmd)
        return int(out.read().split()[-1]) * 1024


def alternate(ours, anchor, reps):
    """Runs ours and the anchor in turns, after one warm-up each; returns both medians."""
    ours(); anchor()
    a, b = [], []
    for _ in range(reps):
        a.append(ours())
        b.append(anchor())
    return statistics.median(a), statistics.median(b)


def has_subcommand(name):
    """Whether `lossplot --help` lists the subcommand (others may still be on their branches)."""
    listing = subprocess.run([str(BIN), "--help"], capture_output=True, text=True).stdout
    return re.search(rf"^\s+{re.escape(name)}\s", listing.split("SUBCOMMANDS:")[-1], re.M) is not None


# ---------------------------------------------------------------- data

def make_data(n_rows, n_scatter):
    """Inputs for eval (float64 .npy) and for the scatter (CSV, 17 significant digits), made once."""
    import numpy as np
    folder = DATA / f"{n_rows}-{n_scatter}"
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / "one.npy", np.zeros(1))
    if (folder / "done").exists():
        return folder
    rng = np.random.default_rng(7)
    y = rng.standard_normal(n_rows)
    np.save(folder / "y_true.npy", y)
    np.save(folder / "y_pred.npy", y + rng.standard_normal(n_rows) * 0.5)
    np.save(folder / "labels.npy", (rng.random(n_rows) < 0.3).astype(np.float64))
    np.save(folder / "probs.npy", rng.uniform(0.001, 0.999, n_rows))
    x = rng.standard_normal(n_scatter)
    with open(folder / "scatter.csv", "w") as f:
        f.write("x,y\n")
        np.savetxt(f, np.column_stack([x, 2 * x + rng.standard_normal(n_scatter)]), delimiter=",", fmt="%.17g")
    (folder / "done").touch()
    return folder


# ---------------------------------------------------------------- the document's own code

def python_blocks(doc):
    return re.findall(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)


def document_functions(blocks):
    """Every top-level function the document defines (first definition of a name wins), as source."""
    found = {}
    for block in blocks:
        try:
            tree = ast.parse(block)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name not in found:
                found[node.name] = ast.get_source_segment(block, node)
    return found


def document_figure_script(doc, out_dir):
    """The document's figure-drawing blocks, each saving its figure as PNG instead of showing it,
    after every function the document defines (figures may call them)."""
    blocks = python_blocks(doc)
    figures = [b for b in blocks if "plt.show()" in b]
    parts = ["import matplotlib\nmatplotlib.use('Agg')\nimport numpy as np\nimport matplotlib.pyplot as plt\n"]
    parts += document_functions([b for b in blocks if "plt.show()" not in b]).values()
    for i, block in enumerate(figures):
        parts.append(block.replace("plt.show()", f"plt.savefig({str(out_dir / f'fig{i}.png')!r}, dpi=100); plt.close('all')"))
    return "\n\n".join(parts), len(figures)


# The document's numpy function for each loss `lossplot eval` is timed on, and the files it reads.
EVAL_LOSSES = {
    "mse": ("mse_loss", "y_true", "y_pred", 2),
    "huber": ("huber_loss", "y_true", "y_pred", 3),
    "bce": ("binary_cross_entropy", "labels", "probs", 3),
}


# ---------------------------------------------------------------- workloads

def bench_report(doc, reps):
    work = Path(tempfile.mkdtemp(prefix="lossplot-bench-"))
    script, count = document_figure_script(doc, work)
    (work / "figures.py").write_text(script, encoding="utf-8")
    out = work / "report"
    ours = lambda: timed([str(BIN), "report", "--out", str(out)])
    anchor = lambda: timed([sys.executable, str(work / "figures.py")], cwd=work)
    result = alternate(ours, anchor, reps)
    charts = sum(1 for p in out.rglob("*") if p.suffix in (".svg", ".png"))
    shutil.rmtree(work, ignore_errors=True)
    return result, count, charts


def bench_eval(data, loss, function_source, reps):
    function, t_name, p_name, _ = EVAL_LOSSES[loss]
    t, p = (str(data / f"{n}.npy") for n in (t_name, p_name))
    code = f"import numpy as np\n{function_source}\na = np.load({t!r}); b = np.load({p!r}); print({function}(a, b))"
    ours = lambda: timed([str(BIN), "eval", loss, "--y-true", t, "--y-pred", p])
    anchor = lambda: timed([sys.executable, "-c", code])
    return alternate(ours, anchor, reps)


def bench_scatter(data, reps):
    """A scatter of every row of a CSV, PNG at matplotlib's default 640x480 (both sides' default size),
    markers of 4 points² on both sides (matplotlib's s=4, lossplot's --marker-size 4): the same chart."""
    csv = data / "scatter.csv"
    work = Path(tempfile.mkdtemp(prefix="lossplot-bench-"))
    code = ("import pandas as pd, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt; "
            f"d = pd.read_csv({str(csv)!r}); plt.figure(); plt.scatter(d['x'], d['y'], s=4); "
            f"plt.savefig({str(work / 'mpl.png')!r}, dpi=100)")
    plot = lambda out: [str(BIN), "plot", str(csv), "--x", "x", "--y", "y", "--kind", "scatter", "--marker-size", "4", "--out", str(work / out)]
    ours = lambda: timed(plot("ours.png"))
    anchor = lambda: timed([sys.executable, "-c", code])
    result = alternate(ours, anchor, reps)
    timed(plot("ours.svg"))
    svg_bytes = (work / "ours.svg").stat().st_size
    shutil.rmtree(work, ignore_errors=True)
    return result, svg_bytes


def bench_kernel(data, reps):
    """In-process: the MSE loop as `eval` runs it against a plain sum over the same mapped bytes."""
    out = subprocess.run([str(BENCH_BIN), "kernel", str(data / "y_true.npy"), str(data / "y_pred.npy"), "--reps", str(reps)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def bench_csv(data, reps):
    """In-process CSV parsing into numeric columns, lossplot (DataFiles) and pandas.read_csv taking turns."""
    import pandas as pd
    csv = data / "scatter.csv"

    def ours():
        out = subprocess.run([str(BENCH_BIN), "csv", str(csv), "--reps", "1"], check=True, capture_output=True, text=True).stdout
        return json.loads(out)["seconds"]

    def anchor():
        start = time.perf_counter()
        pd.read_csv(csv)
        return time.perf_counter() - start

    ours_s, anchor_s = alternate(ours, anchor, reps)
    return csv.stat().st_size, ours_s, anchor_s


def peak_memory(data, loss, gradient):
    """Peak RSS of `lossplot eval` and what issue 3 allows it: the runtime's own (eval on one-row
    files), plus the mapped inputs, plus the gradient (8 bytes a value) when asked for."""
    function, t_name, p_name, _ = EVAL_LOSSES[loss]
    files = [data / f"{t_name}.npy", data / f"{p_name}.npy"]
    eval_cmd = lambda t, p: [str(BIN), "eval", loss, "--y-true", str(t), "--y-pred", str(p)] + (["--gradient"] if gradient else [])
    rss = peak_rss(eval_cmd(*files))
    runtime = peak_rss(eval_cmd(data / "one.npy", data / "one.npy"))
    inputs = sum(f.stat().st_size for f in files)
    n = (files[1].stat().st_size - 128) // 8
    return rss, runtime, inputs, (8 * n if gradient else 0)


def make_runs_data(n_scalars, n_runs, n_steps):
    """Event files written by tensorboardX, made once: one run of `n_scalars` scalars over three tags
    (a seeded random walk, like a training loss), and `n_runs` runs of `n_steps` steps of one tag."""
    import numpy as np
    from tensorboardX import SummaryWriter
    root = DATA / "runs"
    big = root / f"one-{n_scalars}"
    many = root / f"many-{n_runs}x{n_steps}"
    def walk(rng, n, start):
        return start * np.exp(np.cumsum(rng.normal(-3e-4, 0.01, n)))

    def write_big(folder, n):
        rng = np.random.default_rng(0)
        steps = n // 3
        w = SummaryWriter(str(folder))
        for tag, series in (("train/loss", walk(rng, steps, 2.0)), ("val/loss", walk(rng, steps, 2.2)), ("lr", walk(rng, steps, 0.1))):
            for i, v in enumerate(series):
                w.add_scalar(tag, float(v), i)
        w.close()

    def write_many(folder, runs, steps):
        rng = np.random.default_rng(1)
        for r in range(runs):
            w = SummaryWriter(str(folder / f"run{r:03d}"))
            for i, v in enumerate(walk(rng, steps, 2.0)):
                w.add_scalar("loss", float(v), i)
            w.close()

    for folder, make in ((big, lambda: write_big(big, n_scalars)), (many, lambda: write_many(many, n_runs, n_steps))):
        if not (folder / ".done").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            print(f"bench: writing {folder.relative_to(ROOT)} with tensorboardX (once)", file=sys.stderr)
            make()
            (folder / ".done").write_text("")

    return big, many


def make_report_runs_data(n_runs, n_metrics, n_steps):
    """The report-of-runs workload, written by tensorboardX once: `n_runs` runs (seed00, ...) of
    `n_metrics` tags (train/val loss and accuracy, lr, then metricN) over `n_steps` steps each."""
    import numpy as np
    from tensorboardX import SummaryWriter
    folder = DATA / "runs" / f"report-{n_runs}x{n_metrics}x{n_steps}"
    if (folder / ".done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"bench: writing {folder.relative_to(ROOT)} with tensorboardX (once)", file=sys.stderr)
    tags = (["train/loss", "val/loss", "train/acc", "val/acc", "lr"] + [f"metric{i}" for i in range(5, n_metrics)])[:n_metrics]
    rng = np.random.default_rng(2)
    for r in range(n_runs):
        series = [2.0 * np.exp(np.cumsum(rng.normal(-3e-4, 0.01, n_steps))) for _ in tags]
        w = SummaryWriter(str(folder / f"seed{r:02d}"))
        for i in range(n_steps):
            for tag, values in zip(tags, series):
                w.add_scalar(tag, float(values[i]), i)
        w.close()
    (folder / ".done").write_text("")
    return folder


def tbparse_panels_script(logdir, out_dir):
    """What a user runs today for a report of runs: tbparse into pandas, then matplotlib, one figure
    per metric with every run in it, each saved as SVG and PNG (the report's panels and files)."""
    return (f"from tbparse import SummaryReader\n"
            f"df = SummaryReader({str(logdir)!r}, extra_columns={{'dir_name'}}).scalars\n"
            "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt\n"
            "for k, tag in enumerate(sorted(df['tag'].unique())):\n"
            "    fig, ax = plt.subplots(figsize=(7.6, 3.8))\n"
            "    for run, d in df[df['tag'] == tag].groupby('dir_name'):\n"
            "        ax.plot(d['step'], d['value'], label=run, linewidth=1.5)\n"
            "    ax.set_title(tag); ax.set_xlabel('step'); ax.legend(ncol=5, fontsize=7)\n"
            f"    fig.tight_layout(); fig.savefig(f'{out_dir}/{{k}}.svg'); fig.savefig(f'{out_dir}/{{k}}.png', dpi=100); plt.close(fig)\n")


def bench_report_runs(folder, reps):
    """`report --runs` (folder mode: the page, runs.json, SVG and PNG of each panel) against tbparse
    + matplotlib saving the same panels as SVG and PNG; and the self-contained page alone."""
    work = Path(tempfile.mkdtemp(prefix="lossplot-bench-"))
    (work / "mpl").mkdir()
    ours, anchor = alternate(lambda: timed([str(BIN), "report", "--runs", str(folder), "--out", str(work / "report")]),
                             lambda: timed([sys.executable, "-c", tbparse_panels_script(folder, work / "mpl")]), reps)
    cmd = [str(BIN), "report", "--runs", str(folder), "--out", str(work / "single"), "--self-contained"]
    timed(cmd)
    single = statistics.median(timed(cmd) for _ in range(reps))
    page = (work / "single" / "index.html").stat().st_size
    shutil.rmtree(work, ignore_errors=True)
    return ours, anchor, single, page


def tbparse_script(logdir, png=None):
    """What a user runs today: tbparse into pandas, and for a chart matplotlib, one panel per tag."""
    code = f"from tbparse import SummaryReader\ndf = SummaryReader({str(logdir)!r}).scalars\n"
    if png:
        code += ("import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt\n"
                 "tags = sorted(df['tag'].unique())\n"
                 "fig, axes = plt.subplots(1, len(tags), figsize=(4.5 * len(tags), 3.5), squeeze=False)\n"
                 "for ax, tag in zip(axes[0], tags):\n"
                 "    d = df[df['tag'] == tag]; ax.plot(d['step'], d['value']); ax.set_title(tag); ax.set_xlabel('step')\n"
                 f"fig.tight_layout(); fig.savefig({str(png)!r}, dpi=100)\n")
    else:
        code += "print(len(df))\n"
    return code


def bench_runs(big, reps):
    """A ~2x10^5-scalar event file: `runs --format json` vs tbparse reading it, and `plot` to PNG vs
    tbparse + matplotlib drawing the same three panels."""
    work = Path(tempfile.mkdtemp(prefix="lossplot-bench-"))
    read = alternate(lambda: timed([str(BIN), "runs", str(big), "--format", "json"]),
                     lambda: timed([sys.executable, "-c", tbparse_script(big)]), reps)
    draw = alternate(lambda: timed([str(BIN), "plot", str(big), "--out", str(work / "ours.png")]),
                     lambda: timed([sys.executable, "-c", tbparse_script(big, work / "mpl.png")]), reps)
    shutil.rmtree(work, ignore_errors=True)
    return read, draw


def bench_overlay(many, reps):
    """Many runs of one metric overlaid in one PNG: the median whole-process time."""
    work = Path(tempfile.mkdtemp(prefix="lossplot-bench-"))
    cmd = [str(BIN), "plot", str(many), "--out", str(work / "many.png")]
    timed(cmd)
    result = statistics.median(timed(cmd) for _ in range(reps))
    shutil.rmtree(work, ignore_errors=True)
    return result


def bench_event_reading(big, reps):
    """In-process: reading the event file (every CRC, decoding, points) beside a plain sum of its bytes."""
    files = sorted(big.glob("events.out.tfevents.*"))
    out = subprocess.run([str(BENCH_BIN), "tfevents", str(files[0]), "--reps", str(reps)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


# ---------------------------------------------------------------- the table

class Table:
    """Rows of (workload, lossplot, anchor, ratio, target, verdict, note); ratios are computed here."""

    def __init__(self):
        self.rows = []

    def speedup(self, name, ours, anchor, target=None, note=""):
        ratio = anchor / ours
        verdict = "" if target is None else ("ok" if ratio >= target else "BELOW")
        self.rows.append((name, f"{ours * 1000:.0f} ms", f"{anchor * 1000:.0f} ms", f"{ratio:.{1 if ratio >= 10 else 2}f}x faster",
                          "" if target is None else f">= {target}x", verdict, note))

    def slowdown(self, name, ours, floor, target, note=""):
        ratio = ours / floor
        self.rows.append((name, f"{ours * 1000:.1f} ms", f"{floor * 1000:.1f} ms", f"{ratio:.2f}x the floor",
                          f"<= {target}x", "ok" if ratio <= target else "ABOVE", note))

    def throughput(self, name, ours, anchor, note=""):
        self.rows.append((name, f"{ours:.0f} MB/s", f"{anchor:.0f} MB/s", f"{ours / anchor:.2f}x", "", "", note))

    def within(self, name, ours, limit, note=""):
        """An absolute target: lossplot's time against a limit, in the same run."""
        self.rows.append((name, f"{ours * 1000:.0f} ms", "", f"{ours / limit:.2f}x the limit", f"< {limit * 1000:.0f} ms",
                          "ok" if ours < limit else "ABOVE", note))

    def skipped(self, name, why):
        self.rows.append((name, "-", "-", "-", "", "skipped", why))

    HEADER = ("workload", "lossplot", "anchor", "ratio", "target", "", "note")

    def text(self):
        widths = [max(len(str(r[i])) for r in self.rows + [self.HEADER]) for i in range(len(self.HEADER))]
        return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in [self.HEADER] + self.rows)

    def markdown(self):
        lines = ["| " + " | ".join(self.HEADER) + " |", "|" + "---|" * len(self.HEADER)]
        lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in self.rows]
        return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--scatter", type=int, default=1_000_000)
    ap.add_argument("--only", nargs="*", default=None, choices=["report", "eval", "scatter", "kernel", "csv", "memory", "runs"],
                    help="run only these workloads")
    ap.add_argument("--scalars", type=int, default=222_000, help="scalars in the one-event-file run")
    ap.add_argument("--runs", type=int, default=100, help="runs in the overlay")
    ap.add_argument("--steps", type=int, default=10_000, help="steps per run in the overlay")
    ap.add_argument("--doc", type=Path, default=ROOT.parent / "shared" / "seed" / "loss-functions.md",
                    help="the document whose Python code is the anchor for the report and eval rows")
    args = ap.parse_args()
    wanted = lambda w: args.only is None or w in args.only
    for binary in (BIN, BENCH_BIN):
        if not binary.exists():
            sys.exit(f"bench: {binary} is missing; run `swift build -c release` first")
    data = make_data(args.rows, args.scatter)
    doc_blocks = python_blocks(args.doc) if args.doc.exists() else []
    functions = document_functions(doc_blocks)
    missing_doc = f"{args.doc} not found (--doc)"
    table = Table()

    failed = []

    def attempt(name, body):
        """Runs one workload; a failure becomes a table row rather than losing the whole run."""
        try:
            body()
        except Exception as e:  # noqa: BLE001 - reported in the table, with its message on stderr
            print(f"bench: {name}: {e}", file=sys.stderr)
            table.skipped(name, f"FAILED: {str(e).splitlines()[0][:100]}")
            failed.append(name)

    def report():
        name = "report (all charts, SVG+PNG) vs document's figure code"
        if not doc_blocks:
            return table.skipped(name, missing_doc)
        (ours, anchor), count, charts = bench_report(args.doc, args.reps)
        table.speedup(name, ours, anchor, 20, f"{charts} chart files vs {count} matplotlib PNGs")

    def evaluation(loss, function, target):
        name = f"eval {loss}, {args.rows:.0e} rows .npy vs numpy (document's {function})"
        if function not in functions:
            return table.skipped(name, missing_doc if not doc_blocks else f"the document has no {function}")
        ours, anchor = bench_eval(data, loss, functions[function], args.reps)
        table.speedup(name, ours, anchor, target)

    def scatter():
        name = f"plot scatter, {args.scatter:.0e} points CSV->PNG vs pandas+matplotlib"
        if not has_subcommand("plot"):
            return table.skipped(name, "`lossplot plot` is not built yet")
        (ours, anchor), svg = bench_scatter(data, args.reps)
        table.speedup(name, ours, anchor, 3, f"SVG {svg / 1e6:.2f} MB (target < 2 MB: {'ok' if svg < 2e6 else 'ABOVE'})")

    def kernel():
        k = bench_kernel(data, args.reps)
        table.slowdown(f"in-process MSE loop vs plain sum of the same bytes, {k['n']:.0e} rows", k["mse_seconds"], k["sum_seconds"], 1.5,
                       f"library API from another module: {k['mse_api_seconds'] / k['sum_seconds']:.2f}x")

    def csv():
        size, ours, anchor = bench_csv(data, args.reps)
        table.throughput(f"in-process CSV parsing, {size / 1e6:.0f} MB, vs pandas.read_csv", size / 1e6 / ours, size / 1e6 / anchor)

    def runs():
        big, many = make_runs_data(args.scalars, args.runs, args.steps)
        (read_ours, read_anchor), (draw_ours, draw_anchor) = bench_runs(big, args.reps)
        table.speedup(f"runs --format json, {args.scalars:.1e} scalars tfevents vs tbparse .scalars", read_ours, read_anchor, 50)
        table.speedup(f"plot tfevents ({args.scalars:.1e} scalars, 3 panels) -> PNG vs tbparse + matplotlib", draw_ours, draw_anchor, 50)
        e = bench_event_reading(big, args.reps)
        table.throughput(f"in-process event file reading, {e['bytes'] / 1e6:.1f} MB, vs a plain sum of its bytes",
                         e["read_mb_per_s"], e["sum_mb_per_s"], f"{e['read_ns_per_event']:.0f} ns an event; swift-protobuf's decode alone {e['protobuf_decode_mb_per_s']:.0f} MB/s")
        table.within(f"plot {args.runs} runs x {args.steps:.0e} steps (tfevents) overlaid -> PNG", bench_overlay(many, args.reps), 1.0)
        if not has_subcommand("report") or "--runs" not in subprocess.run([str(BIN), "report", "--help"], capture_output=True, text=True).stdout:
            return table.skipped("report --runs", "`lossplot report --runs` is not built yet")
        folder = make_report_runs_data(20, 5, args.steps)
        ours, anchor, single, page = bench_report_runs(folder, args.reps)
        name = f"report --runs, 20 runs x 5 metrics x {args.steps:.0e} steps (tfevents) -> page + SVG + PNG"
        table.speedup(name + " vs tbparse + matplotlib", ours, anchor, 20, f"5 panels, SVG and PNG each")
        table.within(name, ours, 1.0)
        table.within(name.replace("page + SVG + PNG", "--self-contained page"), single, 1.0, f"index.html {page / 1e6:.2f} MB")

    if wanted("report"):
        attempt("report", report)
    if wanted("eval"):
        for loss, (function, _, _, target) in EVAL_LOSSES.items():
            attempt(f"eval {loss}", lambda: evaluation(loss, function, target))
    if wanted("scatter"):
        attempt("plot scatter", scatter)
    if wanted("kernel"):
        attempt("in-process MSE loop", kernel)
    if wanted("csv"):
        attempt("in-process CSV parsing", csv)
    if wanted("runs"):
        attempt("training runs", runs)
    memory = []
    if wanted("memory") and not TIME.exists():
        print("bench: /usr/bin/time is missing (apt-get install time); peak memory skipped", file=sys.stderr)
    elif wanted("memory"):
        for loss in EVAL_LOSSES:
            for gradient in (False, True):
                name = f"eval {loss}{' --gradient' if gradient else ''}"
                attempt(f"peak memory of {name}", lambda: memory.append((name,) + peak_memory(data, loss, gradient)))

    title = (f"lossplot benchmarks, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
             f"medians of {args.reps} alternating runs (after one warm-up each)")
    print(f"\n{title}\n\n{table.text()}")
    memory_lines = [f"{name}: peak RSS {rss / 1e6:.0f} MB = {rss / (runtime + inputs + gradient):.2f}x the allowance "
                    f"({runtime / 1e6:.0f} MB runtime + {inputs / 1e6:.0f} MB mapped inputs"
                    f"{f' + {gradient / 1e6:.0f} MB gradient' if gradient else ''})"
                    for name, rss, runtime, inputs, gradient in memory]
    if memory_lines:
        print(f"\npeak memory, {args.rows:.0e} rows (GNU time's maximum resident set size):\n" + "\n".join(memory_lines))
    RESULTS.write_text(f"{title}\n\n{table.markdown()}\n\n" + "\n".join(f"- {line}" for line in memory_lines) + "\n", encoding="utf-8")
    print(f"\n(markdown copy in {RESULTS.relative_to(ROOT)})")
    if failed:
        sys.exit(f"bench: failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()

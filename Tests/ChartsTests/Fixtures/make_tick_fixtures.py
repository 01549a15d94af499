"""Writes ticks.tsv: matplotlib's ticks and labels for many view intervals.

Each row: vmin, vmax, nbins, then the ticks MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10]) returns
for [vmin, vmax] (beyond-the-view ticks included, repr floats, space separated), then the labels
a default ScalarFormatter gives the ticks inside the view on a real axis ('|' separated), then
its offset text. Run: python3 make_tick_fixtures.py > ticks.tsv (matplotlib version in line 1).
"""
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import numpy as np

rng = np.random.RandomState(4)
cases = [
    (0, 1), (-5.5, 5.5), (-1.25, 26.25), (0, 10), (0, 5), (-0.05, 1.05), (1, 2), (-1, 1),
    (0.0, 0.3), (0.1, 0.7), (-3, -1), (-1000, -10), (-0.001, 0.001), (1e-9, 3e-9), (1e-15, 2e-15),
    (0, 1e6), (0, 3.3e7), (1e12, 5e12), (123456, 123457), (1e6, 1e6 + 1), (99.5, 100.5),
    (-273.15, 100), (0.999, 1.001), (2.5e-5, 7.5e-5), (-1e-3, 5e-2), (7, 7.0001), (-0.5, 0.5),
    (3.14159, 2.71828 * 3), (0, 0.0009), (1900, 2030), (0.5, 120.5), (-50, 0), (-17.3, 42.9),
    (5e-324, 1e-300), (10, 10), (0, 0),
]
for _ in range(40):
    a = rng.uniform(-6, 6)
    lo = rng.uniform(-1, 1) * 10 ** a
    hi = lo + abs(rng.normal()) * 10 ** (a + rng.uniform(-3, 1))
    cases.append((float(lo), float(hi)))

print(f"# matplotlib {matplotlib.__version__}")
print("# vmin\tvmax\tnbins\tticks\tview_lo\tview_hi\tlabels\toffset")
for vmin, vmax in cases:
    for nbins in (3, 5, 6, 9):
        loc = MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10])
        ticks = loc.tick_values(vmin, vmax)
        fig, ax = plt.subplots()
        ax.yaxis.set_major_locator(MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]))
        ax.set_ylim(vmin, vmax)
        fig.canvas.draw()
        lo, hi = sorted(float(v) for v in ax.get_ylim())
        labels = [t.get_text() for t, v in zip(ax.get_yticklabels(), ax.get_yticks())
                  if lo - (hi - lo) * 1e-10 <= v <= hi + (hi - lo) * 1e-10]
        offset = ax.yaxis.get_offset_text().get_text()
        plt.close(fig)
        print(f"{vmin!r}\t{vmax!r}\t{nbins}\t{' '.join(repr(float(t)) for t in ticks)}\t{lo!r}\t{hi!r}\t{'|'.join(labels)}\t{offset}")

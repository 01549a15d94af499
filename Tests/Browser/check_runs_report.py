#!/usr/bin/env python3
"""Open lossplot reports of runs (`lossplot report --runs`) in headless Chromium and check them.

Everything check_report.check checks of every report (images and inline charts decode and are
labelled, no request leaves file: and data:, no console error or CSP violation, no sideways
scrolling at 375 px, screenshots light and dark, desktop and phone), and for a report of runs:
a chart and a statistics table per metric, the baseline's cells styled apart from the runs',
hyperparameter rows that differ marked, and axe-core's accessibility rules (through
axe-playwright-python, when the browser venv has it; otherwise said and skipped).

usage: check_runs_report.py SCREENSHOT_DIR REPORT_DIR [REPORT_DIR ...]
"""
import pathlib
import sys

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_report import CHROMIUM, check  # noqa: E402  (the shared checks of every report)

RUNS_JS = """
() => {
  const problems = [];
  const metrics = document.querySelectorAll('section.metric');
  if (!metrics.length) problems.push('no metric sections');
  for (const m of metrics) {
    const name = m.querySelector('.metric-name');
    if (!name || !name.textContent.trim()) problems.push('a metric section without a name');
    const rows = m.querySelectorAll('table.stats tbody tr');
    if (!rows.length) problems.push('no statistics rows for ' + (name ? name.textContent : '?'));
    for (const td of m.querySelectorAll('table.stats td')) {
      if (!td.textContent.trim() && !td.classList.contains('step')) problems.push('an empty statistics cell in ' + name.textContent);
    }
  }
  const baseline = document.querySelector('td.baseline');
  const run = document.querySelector('table.stats tbody td:not(.baseline)');
  if (baseline && run) {
    const b = getComputedStyle(baseline), r = getComputedStyle(run);
    if (b.color === r.color && b.backgroundColor === r.backgroundColor && b.fontStyle === r.fontStyle) problems.push('the baseline is not styled apart');
  }
  for (const tr of document.querySelectorAll('table.params tr.differs')) {
    if (!tr.querySelector('.mark')) problems.push('a differing parameter without its mark');
  }
  return {problems, metrics: metrics.length, charts: document.querySelectorAll('section.metric svg[role=img], section.metric img').length,
          baselineCells: document.querySelectorAll('td.baseline').length, differing: document.querySelectorAll('tr.differs').length};
}
"""


def axe_violations(browser, url):
    """axe-core's violations of the page (light and dark), or None when axe-playwright-python is not installed."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        return None
    found = []
    for scheme in ("light", "dark"):
        # axe is injected as a script: the page's CSP allows none, so this context bypasses it.
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, bypass_csp=True)
        page = context.new_page()
        page.goto(url, wait_until="load")
        results = Axe().run(page)
        for v in results.response.get("violations", []):
            found.append(f"{scheme}: {v['id']} ({v['impact']}): {v['help']} - {len(v['nodes'])} node(s), e.g. {v['nodes'][0]['target']}")
        context.close()
    return found


def check_runs_report(browser, report: pathlib.Path, shots: pathlib.Path) -> list:
    """The problems found in one report of runs; screenshots into `shots`."""
    failures = check(browser, report, shots)
    url = (report.resolve() / "index.html").as_uri()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="load")
    result = page.evaluate(RUNS_JS)
    context.close()
    failures += [f"{report.name}: {p}" for p in result["problems"]]
    if result["charts"] == 0:
        failures.append(f"{report.name}: no charts in the metric sections")
    print(f"{report.name}: {result['metrics']} metrics, {result['charts']} charts, {result['baselineCells']} baseline cells, "
          f"{result['differing']} differing parameters")
    violations = axe_violations(browser, url)
    if violations is None:
        print(f"{report.name}: axe skipped (axe-playwright-python is not installed in this Python)")
    else:
        failures += [f"{report.name}: axe: {v}" for v in violations]
        print(f"{report.name}: axe: {len(violations)} violation(s)")
    return failures


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 64
    shots = pathlib.Path(sys.argv[1])
    shots.mkdir(parents=True, exist_ok=True)
    failures = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for folder in sys.argv[2:]:
            failures += check_runs_report(browser, pathlib.Path(folder), shots)
        browser.close()
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    print(f"runs report browser check: {len(failures)} problem(s); screenshots in {shots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

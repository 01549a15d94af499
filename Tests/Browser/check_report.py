#!/usr/bin/env python3
"""Open lossplot reports in headless Chromium (Debian's, driven by playwright) and check them.

For each report folder: every image decodes, every inline SVG chart has role="img" and a title,
every formula has a size, element ids are unique, nothing requests anything outside file: and
data:, the console stays free of errors (CSP violations included), and at 375 px the page does
not scroll sideways. Screenshots (desktop and phone, light and dark) go to SCREENSHOT_DIR.

usage: check_report.py SCREENSHOT_DIR REPORT_DIR [REPORT_DIR ...]
"""
import pathlib
import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"

CHECK_JS = """
async () => {
  const problems = [];
  for (const img of document.images) {
    try { await img.decode(); } catch (e) { problems.push('image does not decode: ' + img.src.slice(0, 80)); continue; }
    if (!img.naturalWidth) problems.push('image has no pixels: ' + img.src.slice(0, 80));
    if (!img.alt) problems.push('image without alt text: ' + img.src.slice(0, 80));
  }
  for (const svg of document.querySelectorAll('body svg')) {
    if (svg.parentElement.closest('svg')) continue;
    if (svg.getAttribute('role') !== 'img') problems.push('inline svg without role=img');
    if (!svg.querySelector(':scope > title')) problems.push('inline svg without a title');
    const box = svg.getBoundingClientRect();
    if (box.width < 100 || box.height < 50) problems.push('inline svg drawn too small: ' + box.width + 'x' + box.height);
  }
  for (const m of document.querySelectorAll('math')) {
    const box = m.getBoundingClientRect();
    if (box.width < 10 || box.height < 10) problems.push('formula not laid out');
  }
  const seen = new Set();
  for (const el of document.querySelectorAll('[id]')) {
    if (seen.has(el.id)) problems.push('duplicate id ' + el.id);
    seen.add(el.id);
  }
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (!document.getElementById(id)) problems.push('link to a missing anchor #' + id);
  }
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  let last = 1;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (level > last + 1) problems.push('heading skips a level: ' + h.tagName + ' ' + h.textContent.slice(0, 40));
    last = level;
  }
  const images = document.images.length + document.querySelectorAll('body svg[role=img]').length;
  return {problems, images, formulas: document.querySelectorAll('math').length};
}
"""


def check(browser, report: pathlib.Path, shots: pathlib.Path) -> list:
    index = report.resolve() / "index.html"
    url = index.as_uri()
    failures = []
    name = report.name
    for label, width, height, scheme in [("desktop", 1280, 900, "light"), ("desktop-dark", 1280, 900, "dark"),
                                         ("phone", 375, 812, "light"), ("phone-dark", 375, 812, "dark")]:
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        page = context.new_page()
        console, outside = [], []
        page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: console.append(str(e)))
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        page.goto(url, wait_until="load")
        result = page.evaluate(CHECK_JS)
        failures += [f"{name} {label}: {p}" for p in result["problems"]]
        failures += [f"{name} {label}: console: {c}" for c in console]
        failures += [f"{name} {label}: request leaves file://: {u}" for u in outside]
        if result["images"] == 0:
            failures.append(f"{name} {label}: no charts on the page")
        if width < 500:
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                failures.append(f"{name} {label}: page scrolls sideways by {overflow}px at {width}px")
        page.screenshot(path=str(shots / f"{name}-{label}.png"), full_page=True)
        page.screenshot(path=str(shots / f"{name}-{label}-top.png"))
        if label == "desktop":
            print(f"{name}: {result['images']} charts, {result['formulas']} formulas")
        context.close()
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
            failures += check(browser, pathlib.Path(folder), shots)
        browser.close()
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    print(f"browser check: {len(failures)} problem(s); screenshots in {shots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

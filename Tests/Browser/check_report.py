#!/usr/bin/env python3
"""Open lossplot reports in headless Chromium (Debian's, driven by playwright) and check them.

Every page of each report folder (index.html and the other language's index.LANG.html) is opened
at 1280 and 375 px, light and dark (prefers-color-scheme emulated), and each VIEW_CHECKS function
runs on it: the markup (every image decodes, inline SVG charts have role="img" and a title,
formulas have a size, ids are unique, anchors and the other language's page resolve, headings do
not skip a level), axe-core (axe-playwright-python) with zero violations, every region that scrolls
sideways reached by Tab and named, no table cut off, and at 375 px no sideways scroll of the page;
each chart in its narrow rendering below 40rem and its dark one on a dark page, inline chart text
at 375 px at least 11 CSS px (each run of two glyphs or more: its tallest glyph over DejaVu Sans'
digit height), and every explorer switching frames with the arrow keys.
Throughout, nothing may request anything outside file: and data:, and the console stays free of
errors (CSP violations included). Then each PAGE_CHECKS function runs once per page: printed to
PDF (page.pdf), every code output shows in the PDF's text (pdftotext), and no table is cut off in
the print layout. A self-contained page is at most 1.5 MB. Screenshots (desktop and phone, light
and dark, and a printed page rendered to PNG by pdftoppm) go to SCREENSHOT_DIR.

To add a check: write a function (page, view) -> list of problem strings and append it to
VIEW_CHECKS (it runs at every width and scheme; look at view.width or view.scheme to narrow it),
or (page, report, shots) -> list to PAGE_CHECKS.

usage: check_report.py SCREENSHOT_DIR REPORT_DIR [REPORT_DIR ...]
"""
import dataclasses
import json
import pathlib
import re
import subprocess
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
SELF_CONTAINED_LIMIT = 1_500_000
AXE = Axe()
# No preload: axe would fetch the stylesheets itself, which the page's CSP (rightly) blocks.
AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}


@dataclasses.dataclass
class View:
    label: str
    width: int
    height: int
    scheme: str


VIEWS = [View("desktop", 1280, 900, "light"), View("desktop-dark", 1280, 900, "dark"),
         View("phone", 375, 812, "light"), View("phone-dark", 375, 812, "dark")]

MARKUP_JS = """
async () => {
  const problems = [];
  for (const img of document.images) {
    try { await img.decode(); } catch (e) { problems.push('image does not decode: ' + img.src.slice(0, 80)); continue; }
    if (!img.naturalWidth) problems.push('image has no pixels: ' + img.src.slice(0, 80));
    if (!img.alt) problems.push('image without alt text: ' + img.src.slice(0, 80));
  }
  for (const svg of document.querySelectorAll('body svg')) {
    if (svg.parentElement.closest('svg')) continue;
    // The glyph outlines the inline charts share: hidden, and not an image.
    if (svg.classList.contains('glyph-sprite')) {
      if (svg.getAttribute('aria-hidden') !== 'true') problems.push('glyph sprite not hidden from screen readers');
      continue;
    }
    if (svg.getAttribute('role') !== 'img') problems.push('inline svg without role=img');
    if (!svg.querySelector(':scope > title')) problems.push('inline svg without a title');
    // A chart's other rendering (narrow or wide) and an explorer's other frames are hidden on
    // purpose; what shows must have a size.
    if (!svg.checkVisibility()) continue;
    const box = svg.getBoundingClientRect();
    if (box.width < 100 || box.height < 50) problems.push('inline svg drawn too small: ' + box.width + 'x' + box.height);
  }
  for (const card of document.querySelectorAll('.chart-card')) {
    if (card.closest('.explorer-frame') && !card.closest('.explorer-frame').checkVisibility()) continue;
    if (![...card.querySelectorAll('svg[role=img], img')].some(e => e.checkVisibility()))
      problems.push('chart shows no rendering: ' + (card.closest('figure') || card).id);
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
  const skip = document.querySelector('a.skip');
  if (!skip || skip.getAttribute('href') !== '#' + (document.querySelector('main') || {}).id) problems.push('the first skip link does not go to <main>');
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  let last = 1;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (level > last + 1) problems.push('heading skips a level: ' + h.tagName + ' ' + h.textContent.slice(0, 40));
    last = level;
  }
  const alternates = [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => [l.hreflang, l.getAttribute('href')]);
  const switches = [...document.querySelectorAll('.language-switch a')].map(a => [a.hreflang, a.getAttribute('href'), a.lang]);
  const images = document.images.length + document.querySelectorAll('body svg[role=img]').length;
  return {problems, images, formulas: document.querySelectorAll('math').length, alternates, switches,
          lang: document.documentElement.lang};
}
"""

# Opens every <details> (a code output is a scroll region too, once open), marks every visible
# element that scrolls sideways (data-scrolls="N") and returns what each is.
SCROLLERS_JS = """
() => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const out = [];
  let n = 0;
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (!['auto', 'scroll'].includes(style.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
    if (el.closest('svg') || !el.checkVisibility()) continue;
    el.dataset.scrolls = String(n++);
    out.push({id: el.dataset.scrolls, what: el.tagName.toLowerCase() + '.' + [...el.classList].join('.'),
              name: el.getAttribute('aria-label') || '', tabindex: el.getAttribute('tabindex'),
              table: el.classList.contains('table-wrap'), text: el.textContent.trim().slice(0, 50)});
  }
  return out;
}
"""


def check_markup(page, view):
    result = page.evaluate(MARKUP_JS)
    problems = list(result["problems"])
    if result["images"] == 0:
        problems.append("no charts on the page")
    folder = pathlib.Path(page.url.removeprefix("file://")).parent
    langs = {lang for lang, _ in result["alternates"]}
    # The guide's report has a page per language; a report of runs (no articles) is in English only.
    bilingual = page.query_selector("section.article") is not None
    if bilingual and (langs != {"en", "uk"} or result["lang"] not in langs):
        problems.append(f"alternates {result['alternates']} do not name both languages")
    for lang, href in result["alternates"]:
        if not (folder / href).is_file():
            problems.append(f"alternate {lang} page {href} is not in the folder")
    if bilingual and (len(result["switches"]) != 1 or result["switches"][0][0] == result["lang"]):
        problems.append(f"no link to the other language's page: {result['switches']}")
    for lang, href, text_lang in result["switches"]:
        if text_lang != lang or not (folder / href).is_file():
            problems.append(f"the language link to {href} ({lang}) is broken or its text has no lang")
    if view.label == "desktop":
        print(f"  {page.url.rsplit('/', 2)[-2]}/{page.url.rsplit('/', 1)[-1]}: {result['images']} charts, {result['formulas']} formulas")
    return problems


def check_axe(page, view):
    results = AXE.run(page, options=AXE_OPTIONS)
    problems = []
    for v in results.response["violations"]:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        problems.append(f"axe {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}: {targets}")
    return problems


def check_scroll_regions(page, view):
    """Every element that scrolls sideways is named and reached by pressing Tab from the top."""
    scrollers = page.evaluate(SCROLLERS_JS)
    problems = [f"scroll region without a name: {s['what']} '{s['text']}'" for s in scrollers if not s["name"].strip()]
    if not scrollers:
        return problems
    focusable = page.evaluate("document.querySelectorAll('a[href], [tabindex]:not([tabindex=\"-1\"]), summary, button, input').length")
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    reached = set()
    for _ in range(focusable + 5):
        page.keyboard.press("Tab")
        mark = page.evaluate("document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.scrolls || null : null")
        if mark is not None:
            reached.add(mark)
        if len(reached) == len(scrollers):
            break
    if view.label == "phone":
        print(f"    {view.label}: {len(scrollers)} regions scroll sideways, {len(reached)} reached by Tab")
    for s in scrollers:
        if s["id"] not in reached:
            problems.append(f"scroll region not reached by Tab: {s['what']} '{s['text']}'")
    return problems


def check_tables_fit(page, view):
    """No table is cut off: at 1280 px each fits its column, at 375 px the wide ones stack."""
    cut = page.evaluate("""() => [...document.querySelectorAll('.table-wrap')]
        .filter(w => w.scrollWidth > w.clientWidth + 1)
        .map(w => (w.querySelector('caption') || w).textContent.trim().slice(0, 60))""")
    return [f"table cut off at {view.width}px (it scrolls): {c}" for c in cut]


def check_no_sideways_scroll(page, view):
    if view.width >= 500:
        return []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    return [f"page scrolls sideways by {overflow}px at {view.width}px"] if overflow > 0 else []


# The smallest chart text allowed at 375 px, in CSS px (the em size), and DejaVu Sans' height of a
# digit or capital as a fraction of the em: a text run's tallest glyph over this is its em size.
CHART_TEXT_MIN_PX = 11
DIGIT_HEIGHT_EM = 0.729

# Each chart shown (inline SVG, or the <img> of a <picture>): which file the browser chose, and
# for inline charts every text run's tallest glyph on screen. Cairo draws a line of text as a <g>
# of <use> glyphs; a run is one <g>.
CHARTS_JS = """() => {
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const out = [];
  for (const card of document.querySelectorAll('.chart-card')) {
    const img = card.querySelector('img');
    if (img) { out.push({kind: 'img', src: img.currentSrc, id: card.closest('figure').id}); continue; }
    for (const svg of card.querySelectorAll('svg')) {
      if (!shown(svg)) continue;
      // A run's glyph boxes; a turned run (the y label: glyphs stacked up the page) is measured
      // across, its glyphs' heights being their boxes' widths there.
      const boxes = new Map();
      for (const use of svg.querySelectorAll('use')) {
        const r = use.getBoundingClientRect();
        if (r.height > 0 || r.width > 0) (boxes.get(use.parentElement) || boxes.set(use.parentElement, []).get(use.parentElement)).push(r);
      }
      // A single glyph cannot be told upright from turned (Cairo draws a turned glyph as an
      // outline of its own), so the runs measured are those of two glyphs or more.
      const runs = [];
      for (const rs of boxes.values()) {
        if (rs.length < 2) continue;
        const xs = rs.map(r => r.x), ys = rs.map(r => r.y);
        const turned = rs.length > 1 && Math.max(...ys) - Math.min(...ys) > Math.max(...xs) - Math.min(...xs);
        runs.push(Math.max(...rs.map(r => turned ? r.width : r.height)));
      }
      const bg = svg.querySelector('path[fill="#ffffff"]');
      out.push({kind: 'svg', id: card.closest('figure').id, narrow: !!svg.closest('.chart-narrow'),
                runs: runs, background: bg ? getComputedStyle(bg).fill : null});
    }
  }
  return out;
}"""


def check_charts(page, view):
    """The right rendering shows: narrow below 40rem, dark on a dark page; inline chart text at 375
    px is at least CHART_TEXT_MIN_PX (the em size from the tallest glyph of each run of text)."""
    # A report that draws one rendering of each chart (the report of runs, so far) has nothing
    # to choose between.
    if not page.evaluate("!!document.querySelector('.chart-narrow, picture source[media]')"):
        return []
    problems = []
    charts = page.evaluate(CHARTS_JS)
    narrow_wanted = view.width < 640
    smallest = None
    for c in charts:
        if c["kind"] == "img":
            src = c["src"]
            frame = "explore-" in src
            if narrow_wanted and not frame and ".narrow" not in src:
                problems.append(f"{c['id']}: shows {src.rsplit('/', 1)[-1]} at {view.width}px, not its narrow rendering")
            if not narrow_wanted and ".narrow" in src:
                problems.append(f"{c['id']}: shows its narrow rendering at {view.width}px")
            if (view.scheme == "dark") != (".dark" in src or "-dark." in src):
                problems.append(f"{c['id']}: shows {src.rsplit('/', 1)[-1]} on a {view.scheme} page")
            continue
        if c["background"] is not None and view.scheme == "dark" and c["background"] in ("rgb(255, 255, 255)", "#ffffff"):
            problems.append(f"{c['id']}: inline chart stays white on a dark page")
        if narrow_wanted and not c["narrow"] and "explore-" not in c["id"]:
            problems.append(f"{c['id']}: wide inline chart shown at {view.width}px")
        if view.width <= 375 and c["runs"]:
            em = min(c["runs"]) / DIGIT_HEIGHT_EM
            smallest = em if smallest is None else min(smallest, em)
            if em < CHART_TEXT_MIN_PX - 0.05:
                problems.append(f"{c['id']}: chart text {em:.1f} px at {view.width}px, under {CHART_TEXT_MIN_PX}")
    if smallest is not None and view.scheme == "light":
        print(f"    {view.label}: {len(charts)} charts, smallest chart text {smallest:.1f} px")
    return problems


EXPLORERS_JS = """() => [...document.querySelectorAll('fieldset.explorer')].map(f => ({
  id: f.id,
  checked: [...f.querySelectorAll('input[type=radio]')].findIndex(r => r.checked),
  radios: f.querySelectorAll('input[type=radio]').length,
  shown: [...f.querySelectorAll('.explorer-frame')].map((fr, i) => fr.getBoundingClientRect().height > 0 ? i : -1).filter(i => i >= 0),
}))"""


def check_explorers(page, view):
    """Each explorer shows exactly the frame of its checked button, and the arrow keys move the
    choice (and the frame) as a radio group does; run once, on the phone in light."""
    if view.label != "phone" or view.scheme != "light":
        return []
    problems = []
    before = page.evaluate(EXPLORERS_JS)
    for e in before:
        if e["shown"] != [e["checked"]]:
            problems.append(f"explorer {e['id']}: frames {e['shown']} shown, button {e['checked']} checked")
            continue
        page.focus(f"#{e['id']} input:checked")
        key = "ArrowRight" if e["checked"] + 1 < e["radios"] else "ArrowLeft"
        page.keyboard.press(key)
        after = next(x for x in page.evaluate(EXPLORERS_JS) if x["id"] == e["id"])
        moved = e["checked"] + (1 if key == "ArrowRight" else -1)
        if after["checked"] != moved or after["shown"] != [moved]:
            problems.append(f"explorer {e['id']}: {key} checked {after['checked']} and showed {after['shown']}, not {moved}")
        page.keyboard.press("ArrowLeft" if key == "ArrowRight" else "ArrowRight")
    if before:
        print(f"    {view.label}: {len(before)} explorers switch frames by keyboard")
    return problems


# Run on every page at every view (width and colour scheme). Each: (page, view) -> [problem, ...].
# Add a check by appending it here.
VIEW_CHECKS = [
    check_markup,
    check_axe,
    check_scroll_regions,
    check_tables_fit,
    check_no_sideways_scroll,
    check_charts,
    check_explorers,
]


def pdf_text(pdf: pathlib.Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check_print(page, report, shots):
    """Printed to PDF: every code output shows (expanded), and no table is cut off in print."""
    problems = []
    stem = f"{report.name}-{page.url.rsplit('/', 1)[-1].removesuffix('.html')}"
    pdf = shots / f"{stem}-print.pdf"
    page.emulate_media(media="print")
    # The print layout at A4's width inside the @page margins (210 mm - 2 x 15 mm, 96 px an inch).
    page.set_viewport_size({"width": 680, "height": 960})
    cut = page.evaluate("""() => [...document.querySelectorAll('.table-wrap, pre, .formula')]
        .filter(w => w.scrollWidth > w.clientWidth + 1)
        .map(w => ((w.querySelector('caption') || w).textContent || '').trim().slice(0, 60))""")
    problems += [f"cut off in print: {c}" for c in cut]
    outputs = page.evaluate("() => [...document.querySelectorAll('details pre')].map(p => p.textContent.split('\\n').find(l => l.trim()) || '')")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.emulate_media(media="screen")
    text = pdf_text(pdf)
    flat = squeeze(text)
    missing = [o for o in outputs if o.strip() and squeeze(o) not in flat]
    problems += [f"code output folded in print (not in the PDF's text): {o[:60]}" for o in missing]
    # The guide's pages (articles) always print code outputs; a report of runs has none.
    if not outputs and page.query_selector("section.article"):
        problems.append("no code outputs on the page to print")
    # The first printed page with a code output, as a PNG to look at.
    pages = text.split("\f")
    number = next((i + 1 for i, p in enumerate(pages) if outputs and squeeze(outputs[0]) in squeeze(p)), 1)
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(number), "-l", str(number), str(pdf),
                    str(shots / f"{stem}-print-page{number}")], check=True)
    print(f"  {stem}: {len(pages) - 1} printed pages, {len(outputs) - len(missing)}/{len(outputs)} code outputs in the PDF")
    return problems


# Run once per page, after the views. Each: (page, report folder, screenshot folder) -> [problem, ...].
PAGE_CHECKS = [
    check_print,
]


def pages_of(report: pathlib.Path) -> list:
    return [report / "index.html"] + sorted(p for p in report.glob("index.*.html"))


def check(browser, report: pathlib.Path, shots: pathlib.Path) -> list:
    failures = []
    manifest = json.loads((report / "manifest.json").read_text())
    for index in pages_of(report):
        name = f"{report.name}-{index.stem}"
        url = index.resolve().as_uri()
        if manifest.get("selfContained") and index.stat().st_size > SELF_CONTAINED_LIMIT:
            failures.append(f"{name}: self-contained page is {index.stat().st_size} bytes, over {SELF_CONTAINED_LIMIT}")
        for view in VIEWS:
            context = browser.new_context(viewport={"width": view.width, "height": view.height}, color_scheme=view.scheme)
            page = context.new_page()
            console, outside = [], []
            page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: console.append(str(e)))
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
            page.goto(url, wait_until="load")
            page.screenshot(path=str(shots / f"{name}-{view.label}.png"), full_page=True)
            page.screenshot(path=str(shots / f"{name}-{view.label}-top.png"))
            for run in VIEW_CHECKS:
                failures += [f"{name} {view.label}: {p}" for p in run(page, view)]
            failures += [f"{name} {view.label}: console: {c}" for c in console]
            failures += [f"{name} {view.label}: request leaves file://: {u}" for u in outside]
            context.close()
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
        page = context.new_page()
        page.goto(url, wait_until="load")
        for run in PAGE_CHECKS:
            failures += [f"{name}: {p}" for p in run(page, report, shots)]
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

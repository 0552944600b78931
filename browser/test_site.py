"""What a reader gets in a real browser: pages load clean and offline, search,
copy, tabs, diagrams, dark mode, phone width and accessibility."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ROOT, pages
from traced import records

PHONE = {"width": 390, "height": 844}

# axe rules accepted as broken, each with why; none today: the site's CSS and
# its overrides of Material's templates fix what axe found (contrast, link
# underlines, focusable scrolling blocks, the search dialog's name). Any
# serious or critical violation fails.
AXE_ACCEPTED: dict[str, str] = {}


def pytest_generate_tests(metafunc):
    if "page_path" in metafunc.fixturenames:
        site = Path(metafunc.config.getoption("--site")).resolve()
        metafunc.parametrize("page_path", pages(site) if site.is_dir() else [])


def watch(page: Page, base_url: str) -> list[str]:
    """From now on, note every console error, page error, failed or outside
    request in the returned list. Requests to anywhere but the local server
    are blocked, never sent."""
    found: list[str] = []

    def route(route):
        request_url = route.request.url
        if request_url.startswith((base_url, "data:", "blob:")):
            route.continue_()
        else:
            found.append(f"request leaving the local server: {request_url}")
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and found.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: found.append(f"page error: {e}"))
    page.on(
        "requestfailed",
        lambda r: r.url.startswith(base_url) and found.append(f"failed: {r.url} {r.failure}"),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and found.append(f"HTTP {r.status}: {r.url}"),
    )
    return found


def problems_loading(page: Page, url: str, found: list[str]) -> list[str]:
    page.goto(url, wait_until="networkidle")
    if "Traceback (most recent call last)" in page.inner_text("body"):
        found.append("a traceback is shown")
    return found


def test_page_reads_well(page: Page, base_url, page_path):
    """Each page, visited once on a desktop and once at phone width: it loads
    with no error and nothing fetched from elsewhere, axe finds no serious
    or critical violation, and at 390 px nothing scrolls sideways."""
    found = watch(page, base_url)
    problems_loading(page, base_url + page_path, found)
    found += [f"axe: {violation}" for violation in serious_violations(page)]
    page.set_viewport_size(PHONE)
    page.reload(wait_until="load")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        found.append(f"{width} px wide at {PHONE['width']} px: scrolls sideways")
    assert found == [], found


def test_the_load_check_catches_an_external_script(page: Page, base_url):
    """The check above fails when its feature is broken: a page with an
    external script is reported (and the request is never sent)."""
    found = watch(page, base_url)
    html = '<html><body><script src="https://cdn.example.com/x.js"></script></body></html>'
    page.route(  # registered last, so it answers this one URL before `watch` does
        base_url + "/broken-fixture/",
        lambda route: route.fulfill(content_type="text/html", body=html),
    )
    problems_loading(page, base_url + "/broken-fixture/", found)
    assert "request leaving the local server: https://cdn.example.com/x.js" in found


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("retracing", "/retracing/"),
        ("Binding inputs to tf.function failed", "/troubleshooting/"),
    ],
)
def test_search_works_offline(page: Page, base_url, query, expected):
    page.goto(base_url + "/", wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Typed key by key: Material searches on keyboard events, not on a set value.
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__link")
    expect(results.first).to_be_visible(timeout=15_000)
    hrefs = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert any(href.startswith(expected) for href in hrefs), hrefs


def test_copy_button_copies_the_snippet_file(page: Page, base_url):
    page.goto(base_url + "/eager/", wait_until="networkidle")
    block = page.locator(
        ".highlight", has=page.locator('.filename:text-is("snippets/eager/tensors_are_values.py")')
    ).first
    block.hover()
    block.locator("button.md-code__button[title='Copy to clipboard']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    source = (ROOT / "snippets" / "eager" / "tensors_are_values.py").read_text(encoding="utf-8")
    assert copied.rstrip("\n") == source.rstrip("\n")


def test_eager_tab_shows_the_eager_output(page: Page, base_url):
    page.goto(base_url + "/tracing/", wait_until="networkidle")
    tabs = page.locator(".tabbed-set").first
    eager_output = tabs.locator(".tabbed-block").nth(1)
    expect(eager_output).to_be_hidden()
    tabs.locator("label", has_text="Eager").click()
    expect(eager_output).to_be_visible()
    expect(eager_output).to_contain_text("Output with tf.config.run_functions_eagerly(True)")


@pytest.mark.parametrize(
    ("path", "selector"),
    [("/tracing/", "svg.traced-graph"), ("/performance/", "figure.traced-figure svg")],
)
def test_diagrams_and_charts_are_drawn_with_a_real_size(page: Page, base_url, path, selector):
    page.goto(base_url + path, wait_until="networkidle")
    drawing = page.locator(selector).first
    expect(drawing).to_be_visible()
    box = drawing.bounding_box()
    assert box["width"] > 150 and box["height"] > 80, box


def test_dark_mode_toggle_persists_across_pages(page: Page, base_url):
    page.goto(base_url + "/", wait_until="networkidle")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label[title='Dark mode']").first.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(base_url + "/eager/", wait_until="networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the loaded page, less
    the accepted ones (which are not even run: color-contrast alone is most
    of axe's time)."""
    skipped = {rule: {"enabled": False} for rule in AXE_ACCEPTED}
    results = Axe().run(page, options={"resultTypes": ["violations"], "rules": skipped})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# --- Phone width, figures, dark mode, the README's way in ------------------------------------

SHOTS = ROOT / "build" / "screenshots"
PHONE_PAGES = ["/performance/", "/autograph/", "/where-graphs-hide/"]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_outputs_keep_their_lines_at_phone_width(page: Page, base_url, record, path):
    """At 390 px every output block shows the record's output line for line:
    nothing wraps inside a row (a benchmark table, a generated listing), a
    wide block scrolls inside itself, and a keyboard can reach it."""
    page.set_viewport_size(PHONE)
    page.goto(base_url + path, wait_until="networkidle")
    blocks = page.locator(".traced-output pre > code")
    shown = blocks.evaluate_all(
        """codes => codes.map(code => ({
            text: code.textContent,  // a collapsed block's text too
            whiteSpace: getComputedStyle(code).whiteSpace,
            tabindex: code.getAttribute("tabindex"),
            scrolls: code.scrollWidth > code.clientWidth,
            lines: Math.round(code.scrollHeight / parseFloat(getComputedStyle(code).lineHeight)),
        }))"""
    )
    expected = record.outputs_on(path.strip("/") + ".md")
    assert [records.as_rendered(b["text"]) for b in shown] == [
        records.as_rendered(t) for t in expected
    ]
    for block, text in zip(shown, expected, strict=True):
        assert block["whiteSpace"] == "pre", block
        # A block wider than the screen can be scrolled from the keyboard too
        # (Material drops the tab stop of one that fits).
        assert block["tabindex"] == "0" or not block["scrolls"], block
        # Height in lines (padding adds at most one): no line was wrapped.
        assert block["lines"] <= len(records.as_rendered(text).splitlines()) + 1, (block, text)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{path.strip('/')}-390-light.png"), full_page=True)


SMALLEST_LABEL_PX = 9


@pytest.mark.parametrize(
    ("path", "selector", "label_px"),
    [
        # diagram.py's smallest text is 10 px; matplotlib's tick labels 10 pt.
        ("/tracing/", "svg.traced-graph", 10),
        ("/performance/", "figure.traced-figure svg:not(.traced-graph)", 10 * 4 / 3),
    ],
)
def test_figures_keep_legible_labels_at_phone_width(page: Page, base_url, path, selector, label_px):
    page.set_viewport_size(PHONE)
    page.goto(base_url + path, wait_until="networkidle")
    scales = page.locator(selector).evaluate_all(
        """svgs => svgs.map(svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
                    / (svg.getAttribute("width").endsWith("pt") ? 4 / 3 : 1))"""
    )
    assert scales
    for scale in scales:
        assert label_px * scale >= SMALLEST_LABEL_PX, f"labels drawn at {label_px * scale:.1f} px"
    figures = page.locator("figure.traced-figure")
    assert figures.evaluate_all("fs => fs.every(f => f.getAttribute('tabindex') === '0')")
    assert figures.evaluate_all("fs => fs.every(f => f.querySelector('figcaption').innerText)")


def test_charts_follow_the_dark_scheme(page: Page, base_url):
    page.goto(base_url + "/performance/", wait_until="networkidle")
    page.locator("label[title='Dark mode']").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    chart = page.locator("figure.traced-figure svg:not(.traced-graph)").first
    assert "invert" in chart.evaluate("svg => getComputedStyle(svg).filter")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for path in PHONE_PAGES:
        page.set_viewport_size(PHONE)
        page.goto(base_url + path, wait_until="networkidle")
        page.screenshot(path=str(SHOTS / f"{path.strip('/')}-390-dark.png"), full_page=True)


def test_the_site_served_as_the_readme_says(page: Page, site_dir):
    """README: `python -m http.server -d site 8000`, then open it: a
    navigation link, a search and a tab all work."""
    import socket
    import subprocess
    import sys

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "-d", str(site_dir), str(port)]
        + ["--bind", "127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                page.goto(base + "/", wait_until="networkidle")
                break
            except Exception:
                page.wait_for_timeout(100)
        page.locator("nav.md-nav a", has_text="Tracing and graphs").first.click()
        expect(page.locator("h1")).to_contain_text("Tracing and graphs")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially("retracing", delay=20)
        expect(page.locator(".md-search-result__link").first).to_be_visible(timeout=15_000)
        page.keyboard.press("Escape")
        tabs = page.locator(".tabbed-set").first
        tabs.locator("label", has_text="Eager").click()
        expect(tabs.locator(".tabbed-block").nth(1)).to_be_visible()
    finally:
        server.terminate()
        server.wait(timeout=10)


REPO = "https://github.com/example/traced"  # as CI sets it: the repository, the commit
REF = "0123abc"


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """The site as CI hosts it: built with site_url under a project's
    sub-path and the repository known, served as GitHub Pages serves it
    (its 404 page for a missing path). Yields the base URL and the folder."""
    import functools
    import http.server
    import os
    import socket
    import subprocess
    import sys
    import threading

    tmp_path = tmp_path_factory.mktemp("hosted")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}/traced/"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "traced")],
        cwd=ROOT,
        env={
            **os.environ,
            "TRACED_SITE_URL": base,
            "TRACED_REPO_URL": REPO,
            "TRACED_REPO_REF": REF,
        },
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]

    class PagesLike(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (tmp_path / "traced" / "404.html").read_bytes()  # as GitHub Pages does
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    handler = functools.partial(PagesLike, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base, tmp_path / "traced"
    finally:
        server.shutdown()


def test_the_404_page_works_under_a_project_sub_path(page: Page, hosted):
    """With site_url set (CI sets it), the 404 page's styles and scripts load
    from the project's sub-path, and the sitemap lists real URLs."""
    base, folder = hosted
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on(
        "response",
        lambda r: r.status >= 400 and r.url != base + "no-such-page/" and failed.append(r.url),
    )
    page.goto(base + "no-such-page/", wait_until="networkidle")
    expect(page.locator("h1")).to_have_text("404 - Not found")
    assert failed == []
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )  # Material's stylesheet loaded
    sitemap = (folder / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}tracing/</loc>" in sitemap


def test_a_chapter_offers_its_notebook_its_sources_and_api_links(page: Page, hosted, tmp_path):
    """On one chapter: the notebook downloads and opens as the chapter's
    examples with their outputs; a snippet's title leads to its file at the
    commit; an API name leads to its reference page. Nothing is fetched from
    outside while the page loads."""
    import json

    base, _ = hosted
    found = watch(page, base)
    assert problems_loading(page, base + "retracing/", found) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Download this chapter as a notebook").click()
    assert download.value.suggested_filename == "retracing.ipynb"
    saved = tmp_path / "retracing.ipynb"
    download.value.save_as(saved)
    book = json.loads(saved.read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in book["cells"] if c["cell_type"] == "code"]
    python_scalars = (ROOT / "snippets/retracing/python_scalars.py").read_text(encoding="utf-8")
    assert python_scalars.rstrip("\n") in sources
    title = page.locator(".filename a", has_text="snippets/retracing/python_scalars.py").first
    assert title.get_attribute("href") == f"{REPO}/blob/{REF}/snippets/retracing/python_scalars.py"
    api = page.locator("a.traced-api", has=page.locator("code", has_text="tf.function")).first
    expect(api).to_be_visible()
    assert api.get_attribute("href") == "https://www.tensorflow.org/api_docs/python/tf/function"
    assert found == []  # the links are there; nothing was loaded from them


def _pasted_lines(site_dir: Path, data: dict) -> list[tuple[set[str], str]]:
    """(entry anchors, the whole line a reader pastes) for every
    Troubleshooting entry keyed by a message: the line of the entry's own
    output that holds the heading's first quoted words, as a terminal shows
    it, with a real object address where the page masks one. Any entry
    whose output prints that very line answers it (two entries can share a
    message, each for another cause)."""
    import re

    markdown = (ROOT / "docs" / "troubleshooting.md").read_text(encoding="utf-8")
    html = (site_dir / "troubleshooting" / "index.html").read_text(encoding="utf-8")
    anchors = re.findall(r'<h3 id="([^"]+)"', html)
    sections = re.split(r"^### ", markdown, flags=re.M)[1:]
    assert len(anchors) == len(sections)
    found = []
    outputs = {}
    for anchor, section in zip(anchors, sections, strict=True):
        fence = re.search(r'```snippet show="output"\n(\S+)\n```', section)
        outputs[anchor] = data["snippets"][fence.group(1)]["output"] if fence else ""
    for anchor, section in zip(anchors, sections, strict=True):
        heading = section.splitlines()[0]
        quoted = re.findall(r'"([^"]+)"', heading)
        fence = re.search(r'```snippet show="output"\n(\S+)\n```', section)
        if not heading.startswith('"') or not fence:
            continue  # keyed by a symptom, not a message
        output = data["snippets"][fence.group(1)]["output"]
        line = printed = next(line for line in output.splitlines() if quoted[0] in line).strip()
        # From where TensorFlow's own line starts (the snippet may label it).
        start = re.search(r"WARNING:tensorflow|\b[A-Z]\w*(Error|Exception|Warning)\b", line)
        line = line[start.start() :] if start else line
        line = line.replace("0x…", "0x7f3a2c1b9e50")  # a real address, as a terminal shows
        # A case table cuts a long message with "…": paste what it shows.
        line = re.sub(r"\s*…\s*", " ", line).strip()
        answers = {a for a, shown in outputs.items() if printed in shown} | {anchor}
        found.append((answers, line))
    return found


# Counts the queries sent to the search worker (Material's message type 2)
# and its answers (type 3). It answers in order, so when the counts are equal
# the last query's results are in: a test waits for that, not a fixed time.
COUNT_SEARCH_ANSWERS = """
window.tracedSearch = {queries: 0, answers: 0};
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (event.data && event.data.type === 3) window.tracedSearch.answers += 1;
    });
  }
  postMessage(message, ...rest) {
    if (message && message.type === 2) window.tracedSearch.queries += 1;
    return super.postMessage(message, ...rest);
  }
};
"""
ANSWERED = (
    "sent => window.tracedSearch.queries > sent"
    " && window.tracedSearch.answers === window.tracedSearch.queries"
)
# Two animation frames: results drawn on an answer are on the page after them.
DRAWN = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def test_a_pasted_error_line_finds_its_entry(page: Page, base_url, site_dir, record):
    """Every Troubleshooting entry keyed by a message is found, in the first
    three search results, by pasting the whole line TensorFlow printed for
    it: exception class, quotes and object address included."""
    lines = _pasted_lines(site_dir, record.data)
    assert len(lines) >= 30
    page.add_init_script(COUNT_SEARCH_ANSWERS)
    page.goto(base_url + "/", wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    missed = []
    for answers, line in lines:
        # Pasted: the value set at once, then one key, as Material searches on keyboard events.
        box.fill(line[:-1])
        sent = page.evaluate("window.tracedSearch.queries")
        box.press_sequentially(line[-1])
        # Every query answered, the last one sent after that key; then drawn.
        page.wait_for_function(ANSWERED, arg=sent, timeout=15_000)
        page.evaluate(DRAWN)
        expect(page.locator(".md-search-result__meta")).to_be_visible(timeout=15_000)
        # The first three results (pages, each with its best sections shown).
        shown = page.locator(".md-search-result__item").evaluate_all(
            """items => items.slice(0, 3).map(item => [...item.querySelectorAll(
                   ':scope > .md-search-result__link, :scope > * > .md-search-result__link')]
                 .filter(a => !a.closest('details'))
                 .map(a => new URL(a.href).pathname + new URL(a.href).hash))"""
        )
        wanted = {f"/troubleshooting/#{anchor}" for anchor in answers}
        if not any(wanted & set(links) for links in shown):
            missed.append(f"{line!r}: first three results {shown}")
        box.fill("")
    assert missed == [], "\n".join(missed)

"""What a reader gets in a real browser: pages load clean and offline, search,
copy, tabs, diagrams, dark mode, phone width and accessibility."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ROOT, pages

PHONE = {"width": 390, "height": 844}

# axe rules Material for MkDocs itself breaks, each with why it is accepted
# here; any other serious or critical violation fails.
AXE_ACCEPTED = {
    "scrollable-region-focusable": "Material's code blocks scroll sideways without a "
    "tab stop; their copy button is focusable and the text wraps (see the CSS)",
    "color-contrast": "Material's palette (deep orange links, grey captions) is the "
    "theme's own; changing it is a theme decision, tracked separately",
    "link-in-text-block": "Material marks links in text by colour only",
    "aria-dialog-name": "Material's search dialog (div.md-search, role=dialog) has no "
    "accessible name; the fix belongs in Material's own template",
}


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

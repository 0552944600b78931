"""Browser tests: the built site, served on 127.0.0.1, read in headless Chromium.

`nox -s browser` builds the site (or takes one: `nox -s browser -- --site DIR`)
and runs these. Chromium is Debian's (`chromium`) where installed, else
Playwright's own (`TRACED_BROWSER=playwright nox -s browser` installs it).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--site", default=str(ROOT / "site"), help="the built site to test")


@pytest.fixture(scope="session")
def site_dir(pytestconfig) -> Path:
    site = Path(pytestconfig.getoption("--site")).resolve()
    if not (site / "index.html").is_file():
        pytest.exit(f"no built site in {site}: run `nox -s browser` (it builds one)", 2)
    return site


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """The site over HTTP on loopback (Material's search worker needs HTTP)."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium when the session found one, with the flags that keep
    it from reaching out to the network."""
    args = {
        **browser_type_launch_args,
        "args": [
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }
    executable = os.environ.get("TRACED_CHROMIUM")
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "permissions": ["clipboard-read", "clipboard-write"]}


class _Record:
    """The run record the site was rendered from, read as the page shows it."""

    def __init__(self, data: dict, docs: Path):
        self.data, self.docs = data, docs

    def outputs_on(self, page: str) -> list[str]:
        """The outputs a page shows, in page order, as the fence renders them."""
        from traced import catalog, records

        return records.outputs_shown(self.data, catalog.page_fences(self.docs)[page])


@pytest.fixture(scope="session")
def record() -> _Record:
    """This build's run record (the site under test was rendered from it)."""
    from traced import catalog, records

    return _Record(records.read(records.current_path()), catalog.DOCS)


def pages(site_dir: Path) -> list[str]:
    """Every page of the site, as a path under the base URL."""
    found = []
    for html in sorted(site_dir.rglob("index.html")):
        relative = html.parent.relative_to(site_dir).as_posix()
        if relative.startswith(("assets", "search")):
            continue
        found.append("/" if relative == "." else f"/{relative}/")
    return found

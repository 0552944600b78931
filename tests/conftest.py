"""Shared fixtures: snippets run once per test session, through the build's runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from traced import fence, runner

ROOT = runner.ROOT
DOCS = ROOT / "docs"


# Benchmarks run short in the tests (and in the test suite's site build); the
# published site (`nox -s docs`) measures in full.
os.environ["TRACED_QUICK"] = "1"


def _timed() -> set[str]:
    """Snippets whose output includes measured times: the only output allowed
    to differ between two runs (promise 3). Their claims are tested with wide
    margins."""
    performance = {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "snippets" / "performance").glob("*.py")
    }
    return performance | {"snippets/retracing/retrace_cost.py"}


TIMED_SNIPPETS = _timed()


def all_snippets() -> list[str]:
    """Every snippet file, so a new one is tested the moment it exists."""
    return sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "snippets").rglob("*.py")
        if p.name != "__init__.py"
    )


def page_embeds() -> dict[str, list[str]]:
    """Page (relative to docs/) -> snippet paths it embeds."""
    return {
        page.relative_to(DOCS).as_posix(): fence.embedded_paths(page.read_text(encoding="utf-8"))
        for page in sorted(DOCS.rglob("*.md"))
    }


_runs: dict[tuple[str, bool], runner.SnippetRun] = {}


def run(path: str, eager: bool = False) -> runner.SnippetRun:
    """The snippet's run, shared by every test that reads it."""
    if (path, eager) not in _runs:
        _runs[path, eager] = runner.run_snippet(path, eager=eager)
    return _runs[path, eager]


def _checked(path: str, eager: bool = False) -> runner.SnippetRun:
    result = run(path, eager)
    assert result.ok, f"{path} raised:\n{result.error}"
    return result


@pytest.fixture
def output():
    """``output("snippets/x/y.py")``: what the page shows under that snippet;
    ``eager=True``: what its "Eager" tab shows (``compare="eager"``)."""

    def _output(path: str, eager: bool = False) -> str:
        return _checked(path, eager).output

    return _output


@pytest.fixture
def namespace():
    """``namespace("snippets/x/y.py")``: the snippet's globals after its run."""

    def _namespace(path: str) -> dict:
        return _checked(path).namespace

    return _namespace


_plain: dict[str, subprocess.CompletedProcess] = {}


def plain_run(path: str) -> subprocess.CompletedProcess:
    """``python <path>`` in a fresh interpreter, stdout and stderr apart:
    for claims about where output goes when a reader runs the file."""
    if path not in _plain:
        _plain[path] = subprocess.run(
            [sys.executable, path],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"},
            timeout=300,
        )
    return _plain[path]


def mkdocs_build(config: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Build a site the way `nox -s docs` does, in a fresh interpreter."""
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        args.append("--strict")
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )

"""Shared fixtures: snippets run once per test session, through the build's runner."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from traced import cache, catalog, runner

ROOT = catalog.ROOT
DOCS = catalog.DOCS

# Benchmarks run short in the tests (and in the test suite's site builds); the
# published site (`nox -s docs`) measures in full. The tests never read or
# write the authors' disk cache: every output they check comes from a run.
os.environ["TRACED_QUICK"] = "1"
os.environ["TRACED_CACHE"] = "off"

all_snippets = catalog.all_snippets
page_embeds = catalog.page_embeds


def run(path: str, eager: bool = False) -> runner.SnippetRun:
    """The snippet's run, shared by every test that reads it (the build's own
    in-process cache: one run per snippet per worker)."""
    return cache.run(path, ROOT, eager=eager)


def lines(text: str) -> list[str]:
    """``text``'s lines, right-stripped: ``"traces: 1" in lines(out)`` matches
    that whole line, never ``traces: 12``."""
    return [line.rstrip() for line in text.splitlines()]


def line_matching(pattern: str, text: str) -> re.Match:
    """The first line that ``pattern`` matches in full; fails the test if none."""
    for line in lines(text):
        match = re.fullmatch(pattern, line)
        if match:
            return match
    raise AssertionError(f"no line matches {pattern!r} in:\n{text}")


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

"""Shared fixtures: snippets run once per test session, through the build's runner."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from traced import cache, catalog, provenance, records, runner

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
    """The snippet's run, shared by every test that reads it: run once per
    test session, by whichever worker needs it first (the others read the
    output it left for the record), and kept for the record."""
    shared = _from_another_worker(path, eager)
    if shared is not None:
        return shared
    result = cache.run(path, ROOT, eager=eager)
    _keep_for_record(path, eager, result)
    return result


def _part(path: str, eager: bool) -> Path | None:
    folder = os.environ.get(_PARTS)
    if not folder:
        return None
    key = records.snippet_key(path, eager)
    return Path(folder, hashlib.sha256(key.encode()).hexdigest()[:32] + ".json")


def _from_another_worker(path: str, eager: bool) -> runner.SnippetRun | None:
    part = _part(path, eager)
    if part is None or not part.is_file() or cache.has_run(path, ROOT, eager=eager):
        return None
    data = json.loads(part.read_text(encoding="utf-8"))
    source = (ROOT / path).read_text(encoding="utf-8")
    return runner.SnippetRun(
        path, source, data["output"], data["error"], figures=data.get("figures", [])
    )


# --- The release record (traced/records.py says what it holds) ---------------------------

_PARTS = "TRACED_RECORD_PARTS"
_outcomes: dict[str, str] = {}
_collect_errors: list[str] = []


def _keep_for_record(path: str, eager: bool, result: runner.SnippetRun) -> None:
    """Workers leave each snippet's cleaned output where the controller,
    which writes the record, can read it."""
    target = _part(path, eager)
    if target is None:
        return
    key = records.snippet_key(path, eager)
    part = {"key": key, "output": result.output, "error": result.error}
    part["timed"] = catalog.is_timed(path)
    part["figures"] = result.figures  # for tests on other workers; not recorded
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(part), encoding="utf-8")
    tmp.replace(target)  # atomic: another worker never reads half a part
    folder = target.parent
    environment = Path(folder, "environment.json")
    if not environment.exists():
        environment.write_text(json.dumps(provenance.environment()), encoding="utf-8")


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the controller (or a run without xdist)
        os.environ[_PARTS] = tempfile.mkdtemp(prefix="traced-record-")


def pytest_collectreport(report):
    if report.failed:
        _collect_errors.append(report.nodeid)


def pytest_runtest_logreport(report):
    if report.when == "call" or report.failed or report.skipped:
        outcome = "error" if report.failed and report.when != "call" else report.outcome
        if _outcomes.get(report.nodeid, "passed") == "passed":
            _outcomes[report.nodeid] = outcome


def _partial(session, exitstatus) -> list[str]:
    """Why this run is not a full row; empty when it is."""
    option, reasons = session.config.option, []
    if session.config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        reasons.append("test paths were given")
    for flag, value in (("-k", option.keyword), ("-m", option.markexpr)):
        if value:
            reasons.append(f"{flag} {value}")
    if getattr(option, "lf", False) or getattr(option, "deselect", None):
        reasons.append("--lf or --deselect")
    if _collect_errors:
        reasons.append(f"collection errors in {', '.join(_collect_errors)}")
    if exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        reasons.append(f"exit status {int(exitstatus)}")
    if session.testscollected and len(_outcomes) < session.testscollected:
        reasons.append(f"{len(_outcomes)} of {session.testscollected} tests ran")
    return reasons


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput") or not os.environ.get(_PARTS):
        return
    folder = Path(os.environ.pop(_PARTS))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    say = reporter.write_line if reporter else print
    reasons = _partial(session, exitstatus)
    snippets = {}
    for part in sorted(folder.glob("*.json")):
        if part.name != "environment.json":
            data = json.loads(part.read_text(encoding="utf-8"))
            data.pop("figures", None)
            snippets[data.pop("key")] = data
    missing = sorted(set(all_snippets()) - set(snippets))
    if missing:
        reasons.append(f"{len(missing)} snippets never ran")
    if reasons:
        say(f"traced: no release record written, this is a partial run: {'; '.join(reasons)}")
        shutil.rmtree(folder, ignore_errors=True)
        return
    environment = json.loads((folder / "environment.json").read_text(encoding="utf-8"))
    kind, release = provenance.device_kind(environment), provenance.release(environment)
    summary: dict[str, int] = {}
    for outcome in _outcomes.values():
        summary[outcome] = summary.get(outcome, 0) + 1
    record = {
        "schema": records.SCHEMA,
        "complete": True,
        "release": release,
        "device_kind": kind,
        "session": os.environ.get("TRACED_SESSION", "pytest"),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "environment": environment,
        "summary": summary,
        "tests": dict(sorted(_outcomes.items())),
        "snippets": dict(sorted(snippets.items())),
    }
    target = records.results_dir() / records.record_name(release, kind)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    say(f"traced: release record written to {shown}")


def lines(text: str) -> list[str]:
    """``text``'s lines, right-stripped: ``"traces: 1" in lines(out)`` matches
    that whole line, never ``traces: 12``."""
    return [line.rstrip() for line in text.splitlines()]


def bench_medians(out: str) -> dict[str, float]:
    """Mode name -> median time per call, from the table bench.report prints
    (in the table's unit, µs or ms)."""
    return {
        name.strip(): float(median)
        for name, median in re.findall(r"^(.+?)\s+([\d.]+)\s+\d+-\d+\s+[\d.]+x", out, re.M)
    }


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
        result = cache.run(path, ROOT)  # globals exist only in the process that ran it
        assert result.ok, f"{path} raised:\n{result.error}"
        return result.namespace

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


def mkdocs_build(
    config: Path, site_dir: Path, strict: bool = True, **env: str
) -> subprocess.CompletedProcess:
    """Build a site the way `nox -s docs` does, in a fresh interpreter."""
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        args.append("--strict")
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        timeout=600,
    )

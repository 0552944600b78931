"""Shared fixtures: what a page shows under a snippet, read from the run record.

``nox -s tests`` (and ``docs``, and each matrix row) runs every snippet once
with ``python -m traced run``, then runs pytest with ``--record`` naming that
record: every claim is checked on exactly the outputs the pages render. With
no record given (``pytest -k eager`` while writing a page), a test runs the
snippets it reads itself, through the same runner.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from traced import cache, catalog, diagram, mutate, records, runner
from traced.claims import ATTRIBUTE, claim  # noqa: F401 (the test files' decorator)

ROOT = catalog.ROOT
DOCS = catalog.DOCS

# Snippets a test runs itself run short benchmarks and never touch the
# authors' disk cache: every output they check comes from a run.
os.environ.setdefault("TRACED_QUICK", "1")
os.environ["TRACED_CACHE"] = "off"

all_snippets = catalog.all_snippets
page_embeds = catalog.page_embeds

PIPELINE_FILES = catalog.PIPELINE_TESTS

_record: dict = {}  # {"file": Path, "data": dict} when --record was given
_outcomes: dict[str, str] = {}
_collect_errors: list[str] = []
_read_by_test: dict[str, list[str]] = {}  # test id -> outputs it read (record keys)
_checks: dict[str, dict] = {}  # test id -> {"read", "sentences", "line"}, on the controller
_current: dict = {"test": None, "mutation": None}  # the test running, the output it sees changed


def pytest_configure(config):
    given = config.getoption("--record")
    if given:
        file = Path(given).resolve()
        try:
            _record.update(file=file, data=records.read(file))
        except records.RecordError as error:
            raise pytest.UsageError(f"--record: {error}") from None
    kind = config.getoption("--mutate")
    if kind:
        if not _record:
            raise pytest.UsageError("--mutate changes a record's outputs: give --record too")
        given = config.getoption("--mutate-checks")
        checks = json.loads(Path(given).read_text())["checks"] if given else None
        checks = checks or _record["data"].get("checks")
        if not checks:
            raise pytest.UsageError(
                "--mutate: no checks (which test read which output): give --mutate-checks "
                "or a record the claims ran on"
            )
        _record.update(mutate=kind, checks=checks)


def pytest_collection_modifyitems(config, items):
    mutating = bool(_record.get("mutate"))
    if not config.getoption("--claims") and not mutating:
        return
    kept = [item for item in items if item.path.name not in PIPELINE_FILES]
    if mutating:  # only the items that see a changed output
        kept = [
            i
            for i in kept
            if getattr(i, "callspec", None) and i.callspec.params.get("traced_mutation")
        ]
    config.hook.pytest_deselected(items=[i for i in items if i not in kept])
    items[:] = kept


def recorded() -> dict | None:
    """The record's data when the tests read one (``--record``), else None."""
    return _record.get("data")


def record_file() -> Path | None:
    return _record.get("file")


def run_step(root: Path, record: Path) -> dict:
    """The run step for a fixture site, in this process (TensorFlow is
    imported once per test worker): its snippets into ``record``, returned."""
    from traced import execute

    return execute.run(record, root, workers=0, notebooks_too=False)


def run(path: str, eager: bool = False) -> runner.SnippetRun:
    """The snippet's run as the page shows it: from the record when one was
    given (failing if the snippet changed since), else run here once per
    test process. The read is noted against the running test (the record's
    ``checks``); under ``--mutate`` the one output being mutated comes back
    changed."""
    key = records.snippet_key(path, eager)
    if _current["test"] is not None:
        _read_by_test.setdefault(_current["test"], []).append(key)
    data = recorded()
    if data is None:
        return cache.run(path, ROOT, eager=eager)
    entry = data["snippets"].get(key)
    shown = records.shown(_record["file"])
    assert entry is not None, f"{path}{' (eager)' if eager else ''} is not in the record {shown}"
    assert entry["digest"] == catalog.digest(ROOT, path), (
        f"{path} changed after the record {shown} was made: run `python -m traced run` again"
    )
    source = (ROOT / path).read_text(encoding="utf-8")
    output = entry["output"]
    if _current["mutation"] == key:
        output = mutate.change(output, _record["mutate"])
    return runner.SnippetRun(path, source, output, entry["error"], figures=entry["figures"])


@pytest.fixture
def traced_mutation(request):
    """The output this test item reads changed (``--mutate``), or None."""
    return getattr(request, "param", None)


@pytest.fixture(autouse=True)
def _traced_test(request, traced_mutation):
    """Which test is reading outputs now, and which output it sees changed."""
    _current.update(test=request.node.nodeid, mutation=traced_mutation)
    yield
    _current.update(test=None, mutation=None)


def pytest_generate_tests(metafunc):
    """Under ``--mutate``: each claim test once per output it read on the
    unchanged record (its ``checks``), that output changed."""
    if not _record.get("mutate") or "traced_mutation" not in metafunc.fixturenames:
        return
    test = metafunc.definition.nodeid
    read = sorted(
        {
            key
            for tested, check in _record["checks"].items()
            if tested == test or tested.startswith(f"{test}[")
            for key in check.get("read", [])
        }
    )
    metafunc.parametrize("traced_mutation", read or [None], indirect=True, ids=read or ["none"])


def pytest_collectreport(report):
    if report.failed:
        _collect_errors.append(report.nodeid)


def pytest_runtest_logreport(report):
    properties = dict(report.user_properties)
    claim_test = report.nodeid.split("::")[0].rsplit("/", 1)[-1] not in PIPELINE_FILES
    if report.when == "call" and claim_test and "traced_read" in properties:
        _checks[report.nodeid] = {
            "read": properties.get("traced_read", []),
            "sentences": properties.get("traced_claims", []),
            "line": properties.get("traced_line"),
        }
    if report.when == "call" or report.failed or report.skipped:
        outcome = "error" if report.failed and report.when != "call" else report.outcome
        if _outcomes.get(report.nodeid, "passed") == "passed":
            _outcomes[report.nodeid] = outcome


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when != "call":
        return report
    # Carried to the controller (xdist), which names the outputs when the
    # claim fails and writes them, with the sentences, into the record.
    read = _read_by_test.get(item.nodeid)
    if read:
        report.user_properties.append(("traced_read", list(dict.fromkeys(read))))
    function = getattr(item, "function", None)
    if function is not None:
        bound = getattr(function, ATTRIBUTE, [])
        report.user_properties.append(("traced_claims", [list(b) for b in bound]))
        report.user_properties.append(("traced_line", function.__code__.co_firstlineno))
    return report


def _partial(session, exitstatus) -> list[str]:
    """Why this run is not a full run of its scope; empty when it is."""
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


def _failed_claims(terminalreporter) -> list[tuple[str, list[str]]]:
    found = []
    for report in terminalreporter.stats.get("failed", []) + terminalreporter.stats.get(
        "error", []
    ):
        read = dict(report.user_properties).get("traced_read", [])
        read = [key.replace("#eager", " (Eager tab)") for key in read]
        found.append((report.nodeid, read))
    return found


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for nodeid, read in _failed_claims(terminalreporter):
        snippets = ", ".join(read) if read else "no snippet output"
        terminalreporter.write_line(f"traced: claim failed: {nodeid} on {snippets}")


def pytest_sessionfinish(session, exitstatus):
    """Add the tests' outcomes to the record they read: the evidence that the
    claims passed (or not) on exactly these outputs."""
    if hasattr(session.config, "workerinput") or not _record:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    say = reporter.write_line if reporter else print
    report = session.config.getoption("--mutate-report")
    if report:  # the record is left as it was; outcomes and reads go to the report
        found = {"outcomes": _outcomes, "checks": _checks}
        Path(report).write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
        return
    shown = records.shown(_record["file"])
    reasons = _partial(session, exitstatus)
    if reasons:
        say(f"traced: outcomes not added to {shown}, this is a partial run: {'; '.join(reasons)}")
        return
    scope = "claims" if session.config.getoption("--claims") else "all"
    records.add_outcomes(_record["file"], scope, _outcomes, _checks)
    say(f"traced: test outcomes added to the record {shown}")


def lines(text: str) -> list[str]:
    """``text``'s lines, right-stripped: ``"traces: 1" in lines(out)`` matches
    that whole line, never ``traces: 12``."""
    return [line.rstrip() for line in text.splitlines()]


def printed(cell: dict) -> str:
    """What a notebook cell printed: its stream outputs, in order."""
    return "".join(
        "".join(out["text"]) for out in cell.get("outputs", []) if out["output_type"] == "stream"
    )


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
def output(request):
    """``output("snippets/x/y.py")``: what the page shows under that snippet;
    ``eager=True``: what its "Eager" tab shows (``compare="eager"``)."""

    def _output(path: str, eager: bool = False) -> str:
        return _checked(path, eager).output

    return _output


@pytest.fixture
def drawn(request):
    """``drawn("snippets/x/y.py", "name")``: the SVG of the graph the page
    draws from the snippet's global ``name`` (``diagram="name"``)."""

    def _drawn(path: str, name: str) -> str:
        _read_by_test.setdefault(request.node.nodeid, []).append(path)
        data = recorded()
        if data is None:
            result = cache.run(path, ROOT)  # globals exist only in the process that ran it
            assert result.ok, f"{path} raised:\n{result.error}"
            return diagram.svg(result.namespace[name])
        entry = data["snippets"][path]
        assert name in entry["diagrams"], f"the record holds no diagram {name} of {path}"
        return entry["diagrams"][name]

    return _drawn


_plain: dict[str, subprocess.CompletedProcess] = {}


def plain_run(path: str) -> subprocess.CompletedProcess:
    """``python <path>`` in a fresh interpreter, stdout and stderr apart:
    for claims about where output goes when a reader runs the file. From the
    record when one is given (catalog.PLAIN_RUNS), else run here."""
    data = recorded()
    if data is not None:
        entry = data["snippets"].get(f"{path}#plain")
        assert entry is not None, (
            f"{path} is not in catalog.PLAIN_RUNS: the record has no plain run"
        )
        return subprocess.CompletedProcess(
            [sys.executable, path], entry["returncode"], entry["stdout"], entry["stderr"]
        )
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
        env={**os.environ, **env},
        timeout=600,
    )

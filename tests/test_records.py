"""Run records: the claim tests add their outcomes to a record only after a
full run; a record that cannot be read fails loudly, naming the file; the
"Tested on" page and the per-release notes are made from them and never show
a pass that was not recorded."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, mkdocs_build, record_file
from traced import catalog, claims, records, tested_on

BUILD = {"tensorflow": "2.21.0", "keras": "3.15.1", "python": "3.11.7", "device": "CPU (x86_64)"}
PATH = "snippets/eager/tensors_are_values.py"


def _record(release: str, output: str, failed: tuple[str, ...] = ()) -> records.Record:
    tests = {"tests/test_eager.py::test_a": "passed", **{t: "failed" for t in failed}}
    summary = {"passed": 1, **({"failed": len(failed)} if failed else {})}
    data = {
        "schema": records.SCHEMA,
        "complete": True,
        "release": release,
        "device_kind": "cpu",
        "session": f"matrix({release})",
        "claims": "all",
        "date": "2026-11-23T10:00:00+00:00",
        "environment": {**BUILD, "tensorflow": f"{release}.1", "keras": "3.3.3"},
        "summary": summary,
        "tests": tests,
        "snippets": {
            PATH: {"output": output, "error": None, "timed": False},
            "snippets/performance/call_overhead.py": {
                "output": f"{release} µs",
                "error": None,
                "timed": True,
            },
        },
    }
    return records.Record(f"{release}-cpu.json", data)


def _pytest(*args: str) -> subprocess.CompletedProcess:
    """The test suite in a new process, one worker, with ``args``."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:xdist", "-o", "addopts=", "-q", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_partial_run_adds_no_outcomes_to_the_record(tmp_path):
    record = tmp_path / "2.21-cpu.json"
    data = {**_record("2.21", "new\n").data, "claims": None, "tests": {}, "summary": {}}
    records.write(record, data)
    run = _pytest(f"--record={record}", "-k", "test_every_snippet_is_embedded_in_a_page")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "outcomes not added to" in run.stdout and "partial run: -k" in run.stdout
    assert records.read(record) == data


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("not json", "not a JSON record"),
        ('{"schema": 1, "complete": true}', "record schema 1, this build reads schema 2"),
        ('{"schema": 2, "complete": false, "release": "2.16", "device_kind": "cpu", '
         '"environment": {}, "snippets": {}}', "incomplete record"),
        ('{"schema": 2, "complete": true}', "incomplete record, no release"),
    ],
)  # fmt: skip
def test_a_bad_record_fails_naming_the_file(tmp_path, text, fault):
    (tmp_path / "2.16-cpu.json").write_text(text)
    with pytest.raises(records.RecordError) as raised:
        records.load(tmp_path)
    assert str(raised.value).startswith(str(tmp_path / "2.16-cpu.json") + ": ")
    assert fault in str(raised.value)


def test_a_corrupt_record_fails_the_strict_build_naming_it(tmp_path):
    """A record a matrix job uploaded truncated must not read as a release
    nobody ran: the Tested on step and the render both fail, naming it."""
    fixture = ROOT / "tests" / "fixtures" / "pipeline_site"
    results = tmp_path / "results"
    results.mkdir()
    mine = results / "2.21-cpu.json"
    records.write(mine, {**_record("2.21", "x\n").data, "snippets": {}})
    good = json.loads(mine.read_text())
    (results / "2.16-cpu.json").write_text(json.dumps(good)[:100])  # truncated
    env = {"TRACED_RESULTS": str(results), "TRACED_RECORD": str(mine)}
    step = subprocess.run(
        [sys.executable, "-m", "traced", "tested-on", "--docs", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    assert step.returncode == 1
    assert f"{results / '2.16-cpu.json'}: not a JSON record" in step.stderr
    build = mkdocs_build(fixture / "mkdocs.yml", tmp_path / "site", **env)
    assert build.returncode != 0
    assert f"traced: results: {results / '2.16-cpu.json'}: not a JSON record" in build.stderr


def test_page_without_records_shows_no_pass():
    page = tested_on.page([], BUILD, {})
    assert '!!! warning "No release records"' in page
    rows = [line for line in page.splitlines() if line.startswith("| 2.")]
    assert len(rows) == len(catalog.releases())
    assert all("**not run for this build**" in row for row in rows)
    tables = page.split("## Every checked sentence")[0]
    assert "passed" not in tables
    assert not re.search(r"\| (passed|\*\*failed\*\*) \|", page)  # no sentence shown as checked


def test_page_rows_failures_and_differences():
    found = [
        _record("2.16", "old\n", failed=("tests/test_eager.py::test_b",)),
        _record("2.21", "new\n"),
    ]
    page = tested_on.page(found, BUILD, {"eager.md": [PATH]})
    rows = {line.split(" |")[0]: line for line in page.splitlines() if line.startswith("| 2.")}
    assert rows["| 2.16 (2.16.1)"].startswith(
        "| 2.16 (2.16.1) | CPU (x86_64) | 1 passed, 1 failed (claim and pipeline tests) "
        "| `tests/test_eager.py::test_b` "
        "| 2026-11-23 | 3.3.3 | 3.11.7 |"
    )
    assert "**not run for this build**" in rows["| 2.17 (2.17.1)"]
    assert "| 1 passed (claim and pipeline tests) | none |" in rows["| 2.21 (2.21.1)"]
    link = f"| [`{PATH}`](eager.md#differs-eager-tensors-are-values) | 2.16 |"
    assert link in page.splitlines()
    assert "call_overhead" not in page  # timed outputs are never compared


def test_claims_by_page_count_each_pages_tests_per_release():
    found = [
        _record("2.16", "old\n", failed=("tests/test_eager.py::test_b",)),
        _record("2.21", "new\n"),
    ]
    page = tested_on.page(found, BUILD, {"eager.md": [PATH], "retracing.md": []})
    table = page.split("## Claims checked, page by page")[1].split("## ")[0]
    assert "| Claims of | 2.16 CPU | 2.21 CPU |" in table.splitlines()
    assert "| [Eager execution](eager.md) | 1 of 2 passed | 1 of 1 passed |" in table.splitlines()
    # The sum is the Tests column above less the pipeline's own tests.
    assert "| **All claim tests** | 1 of 2 passed | 1 of 1 passed |" in table.splitlines()
    assert "retracing" not in table  # no test of the page in any record: no row


def test_every_bound_sentence_is_listed_with_its_outcome_per_release():
    bound = claims.bindings()[0]
    found = [
        _record("2.16", "old\n", failed=(bound.test_id,)),
        _record("2.21", "new\n"),
    ]
    found[1].data["tests"][bound.test_id] = "passed"
    page = tested_on.page(found, BUILD, {"eager.md": [PATH]})
    section = page.split("## Every checked sentence")[1].split("\n## ")[0]
    sentence = bound.sentence.replace("|", "\\|")
    row = f"    | {sentence} | `{bound.test}` | **failed** | passed |"
    assert row in section.splitlines()
    total = sum(1 for b in claims.bindings() if b.page == bound.page)
    assert f"{total} sentences checked" in section


def test_note_under_an_output_groups_releases_and_shows_a_diff():
    found = [_record("2.16", "a\nold\n"), _record("2.17", "a\nold\n"), _record("2.21", "a\nnew\n")]
    note = records.note(found, PATH, False, "a\nnew\n", "2.21", "cpu")
    assert note.count("??? note") == 1
    assert '??? note "Differs on TensorFlow 2.16-2.17"' in note
    assert "    -new\n    +old" in note
    assert records.note(found, PATH, False, "a\nold\n", "2.16", "cpu").count("??? note") == 1
    assert records.note(found[:2], PATH, False, "a\nold\n", "2.21", "cpu") == ""
    timed = "snippets/performance/call_overhead.py"
    assert records.note(found, timed, False, "other", "2.21", "cpu") == ""


def test_evidence_names_each_missing_or_unchecked_release(tmp_path):
    for release in catalog.releases():
        if release != "2.17":
            records.write(tmp_path / f"{release}-cpu.json", _record(release, "x\n").data)
    unchecked = {**_record("2.18", "x\n").data, "claims": None}
    records.write(tmp_path / "2.18-cpu.json", unchecked)
    assert records.missing_evidence(tmp_path, gpu=True) == [
        "2.17-cpu.json: no record for TensorFlow 2.17",
        "2.18-cpu.json: the tests never ran on this record",
        "no GPU record, though the GPU job ran",
    ]
    records.write(tmp_path / "2.17-cpu.json", _record("2.17", "x\n").data)
    records.write(tmp_path / "2.18-cpu.json", _record("2.18", "x\n").data)
    assert records.missing_evidence(tmp_path, gpu=False) == []
    (tmp_path / "2.19-cpu.json").write_text("{")
    assert records.missing_evidence(tmp_path, gpu=False)[0].endswith(
        "2.19-cpu.json: not a JSON record (Expecting property name enclosed in double "
        "quotes: line 1 column 2 (char 1))"
    )


def test_a_claim_failing_on_the_record_names_the_test_and_the_snippet(tmp_path):
    """The gate `nox -s docs` stands on: the claims run on the very record the
    site would render, and one that fails there names itself and the snippet
    it read (the session then stops before rendering, with no site/)."""
    mine = record_file() or records.current_path()
    if not mine.is_file():
        pytest.skip(f"needs this build's record, {mine}: run `python -m traced run`")
    data = records.read(mine)
    entry = data["snippets"]["snippets/profiler/profile_steps.py"]
    shown = entry["output"].splitlines()
    top = next(i for i, line in enumerate(shown) if line.startswith("  op type")) + 1
    entry["output"] = "\n".join(shown[:top] + shown[top + 1 :]) + "\n"  # lost its top row
    broken = tmp_path / "record.json"
    records.write(broken, data)
    run = _pytest(f"--record={broken}", "--claims", "tests/test_profiler.py")
    assert run.returncode == 1, run.stdout + run.stderr
    named = re.compile(
        r"traced: claim failed: tests/test_profiler\.py::test_\w+ "
        r"on snippets/profiler/profile_steps\.py"
    )
    assert any(named.fullmatch(line) for line in run.stdout.splitlines()), run.stdout


def test_execution_table_lists_this_builds_runs_slowest_first():
    mine = _record("2.21", "new\n")
    mine.data["snippets"][PATH]["seconds"] = 1.25
    mine.data["snippets"]["snippets/performance/call_overhead.py"]["seconds"] = 3.5
    mine.data["notebooks"] = {"notebooks/performance-benchmark.ipynb": {"seconds": 2.0}}
    embeds = {"eager.md": [PATH], "performance.md": ["snippets/performance/call_overhead.py"]}
    page = tested_on.page([mine], BUILD, embeds)
    table = page.split("## How long each example ran")[1].split("\n## ")[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows == [
        "| Seconds | Example | Page | Ran |",
        "| 3.5 | `snippets/performance/call_overhead.py` | "
        f"[{tested_on._title('performance.md')}](performance.md) | alone |",
        "| 2.0 | `notebooks/performance-benchmark.ipynb` |  | alone |",
        f"| 1.2 | `{PATH}` | [{tested_on._title('eager.md')}](eager.md) | beside other runs |",
    ]


def test_a_nightly_record_is_shown_apart_as_a_preview():
    nightly = _record("2.23", "newer\n", failed=("tests/test_eager.py::test_b",))
    nightly.data["environment"]["tensorflow"] = "2.23.0-dev20261026"
    nightly.data["checks"] = {
        "tests/test_eager.py::test_b": {"read": [PATH], "sentences": [["eager.md", "It prints."]]}
    }
    found = [_record("2.21", "new\n"), nightly]
    page = tested_on.page(found, BUILD, {"eager.md": [PATH]})
    rows = [line for line in page.splitlines() if line.startswith("| 2.")]
    assert not any(row.startswith("| 2.23") for row in rows)  # not a supported row
    preview = page.split("## Preview: the next release")[1].split("\n## ")[0]
    assert "A run on TensorFlow 2.23.0-dev20261026 with Keras 3.3.3 (2026-11-23)" in preview
    # Each failing test with the sentences it checks: what would read wrong.
    assert '??? failure "1 test fails on TensorFlow 2.23.0-dev20261026"' in preview
    assert "    | `tests/test_eager.py::test_b` | Eager execution: It prints. |" in preview
    title = tested_on._title("eager.md")
    assert f"| `{PATH}` | [{title}](eager.md) | printed something else |" in preview
    # ... and the lines that change, as a diff from this build's output.
    diff = preview.split('??? note "The lines that change on TensorFlow 2.23.0-dev20261026"')[1]
    assert diff.splitlines()[2:10] == [
        f"    `{PATH}`:",
        "",
        "    ```diff",
        "    --- TensorFlow 2.21.1",
        "    +++ TensorFlow 2.23.0-dev20261026",
        "    @@ -1 +1 @@",
        "    -new",
        "    +newer",
    ]
    differences = page.split("## Outputs that differ between releases")[1].split("\n## ")[0]
    assert "2.23" not in differences
    assert "| Claims of | 2.21 CPU | 2.23 CPU (preview) |" in page.splitlines()
    assert records.note(found, PATH, False, "new\n", "2.21", "cpu")  # records.note compares all


def test_a_preview_names_what_a_snippet_raised_and_says_when_nothing_failed():
    nightly = _record("2.23", "new\n")
    nightly.data["environment"]["tensorflow"] = "2.23.0-dev20261026"
    nightly.data["snippets"][PATH].update(
        output="", error="Traceback (most recent call last):\n  ...\nValueError: a | b gone"
    )
    page = tested_on.page([_record("2.21", "new\n"), nightly], BUILD, {"eager.md": [PATH]})
    preview = page.split("## Preview: the next release")[1].split("\n## ")[0]
    assert "No test failed on it." in preview.splitlines()
    title = tested_on._title("eager.md")
    row = f"| `{PATH}` | [{title}](eager.md) | raised: `ValueError: a \\| b gone` |"
    assert row in preview.splitlines()
    assert "The lines that change" not in preview  # nothing printed to compare
    # The same output on both: nothing listed.
    nightly.data["snippets"][PATH].update(output="new\n", error=None)
    page = tested_on.page([_record("2.21", "new\n"), nightly], BUILD, {"eager.md": [PATH]})
    assert "Every output reads as on TensorFlow 2.21." in page.splitlines()

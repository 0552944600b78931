"""Release records: a full run writes one, a partial run none; the "Tested on"
page and the per-release notes are made from them and never show a pass that
was not recorded."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

from traced import catalog, records, tested_on

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


def test_partial_run_writes_no_record(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:xdist", "-o", "addopts=", "-q"]
        + ["-k", "test_every_snippet_is_embedded_in_a_page"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TRACED_RESULTS": str(tmp_path)},
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no release record written, this is a partial run: -k" in run.stdout
    assert list(tmp_path.iterdir()) == []


def test_incomplete_records_are_never_read(tmp_path):
    (tmp_path / "2.16-cpu.json").write_text('{"schema": 1, "complete": false}')
    (tmp_path / "2.17-cpu.json").write_text("not json")
    assert records.load(tmp_path) == []


def test_page_without_records_shows_no_pass():
    page = tested_on.page([], BUILD, {})
    assert '!!! warning "No release records"' in page
    rows = [line for line in page.splitlines() if line.startswith("| 2.")]
    assert len(rows) == len(catalog.releases())
    assert all("**not run for this build**" in row for row in rows)
    assert "passed" not in page


def test_page_rows_failures_and_differences():
    found = [
        _record("2.16", "old\n", failed=("tests/test_eager.py::test_b",)),
        _record("2.21", "new\n"),
    ]
    page = tested_on.page(found, BUILD, {"eager.md": [PATH]})
    rows = {line.split(" |")[0]: line for line in page.splitlines() if line.startswith("| 2.")}
    assert rows["| 2.16 (2.16.1)"].startswith(
        "| 2.16 (2.16.1) | CPU (x86_64) | 1 passed, 1 failed | `tests/test_eager.py::test_b` "
        "| 2026-11-23 | 3.3.3 | 3.11.7 |"
    )
    assert "**not run for this build**" in rows["| 2.17 (2.17.1)"]
    assert "| 1 passed | none |" in rows["| 2.21 (2.21.1)"]
    link = f"| [`{PATH}`](eager.md#differs-eager-tensors-are-values) | 2.16 |"
    assert link in page.splitlines()
    assert "call_overhead" not in page  # timed outputs are never compared


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

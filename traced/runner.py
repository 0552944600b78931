"""Run one snippet file exactly as the site shows it.

The build (through :mod:`traced.fence`) and the test suite both call
:func:`run_snippet`, so what the tests check is what the pages print.

Why a file and not markdown-exec's own ``exec``: AutoGraph reads a function's
source with ``inspect``; code compiled from a string has no source on disk and
AutoGraph silently falls back to running it unconverted. ``runpy.run_path``
runs the real file, so AutoGraph, ``tf.autograph.to_code`` and tracebacks all
see real lines.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import runpy
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from traced import catalog, isolation
from traced.catalog import ROOT
from traced.cleaning import clean
from traced.fence_options import DEFAULT_TIMEOUT  # seconds a snippet may run (fence: timeout=)

GRACE = 30.0
"""Seconds past the limit before a snippet stuck outside Python (in a C++
kernel, where no Python exception can reach it) ends the whole process,
naming the snippet, rather than hang a build or CI in silence."""


class SnippetTimeout(BaseException):
    """Raised in the snippet when it runs past its limit; a BaseException, so
    a snippet's own ``except Exception`` cannot swallow it."""


# TensorFlow's C++ log lines (INFO and WARNING) carry timestamps and thread
# ids, so two builds would differ; silence them before TensorFlow is imported.
# Python-side warnings (the retracing warning) and tf.print are unaffected.
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"


@dataclass(frozen=True)
class SnippetRun:
    """What one run of a snippet produced."""

    path: str
    """The snippet as pages name it, relative to the checkout."""
    source: str
    output: str
    """Everything the snippet wrote to stdout and stderr, in order, cleaned."""
    error: str | None
    """The cleaned traceback if the snippet raised, else None."""
    namespace: dict = field(default_factory=dict, compare=False, repr=False)
    """The snippet's globals after the run: what diagrams are drawn from."""
    figures: list[str] = field(default_factory=list, compare=False, repr=False)
    """Matplotlib figures the snippet left open (and showed), as SVG text."""
    seconds: float = field(default=0.0, compare=False)
    """Wall time of the run itself, capture included."""

    @property
    def ok(self) -> bool:
        return self.error is None


def prepare() -> None:
    """Import TensorFlow once, outside any capture.

    Its start-up notices (oneDNN, CPU features) then go to the build console,
    never into a page, and no snippet pays for the import.
    """
    import tensorflow  # noqa: F401

    try:
        import matplotlib
    except ImportError:
        return
    # Charts are drawn off-screen, in this process only (not in notebook
    # kernels the build starts); the build puts them in the page as SVG.
    matplotlib.use("agg")
    matplotlib.rcParams["svg.hashsalt"] = "traced"  # stable ids in the SVG
    import matplotlib.pyplot  # noqa: F401


def run_snippet(
    path: str | os.PathLike[str],
    root: Path | None = None,
    *,
    eager: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> SnippetRun:
    """Run ``path`` (relative to ``root``) as ``__main__`` and capture what it writes.

    With ``eager=True`` every ``tf.function`` runs its Python eagerly
    (``tf.config.run_functions_eagerly(True)``): the same source, the other
    execution model, for side-by-side comparisons. A run longer than
    ``timeout`` seconds is stopped and reported as the snippet's error.
    """
    root = Path(root or ROOT).resolve()
    file = (root / path).resolve()
    rel = file.relative_to(root).as_posix()
    source = file.read_text(encoding="utf-8")
    if catalog.runs_in_own_process(rel):
        return _run_in_own_process(file, root, rel, source, eager=eager, timeout=timeout)
    prepare()
    isolation.reset()
    error, namespace, figures = None, {}, []
    began = time.perf_counter()
    saved_argv, saved_path0 = sys.argv[:], sys.path[0]
    console = os.dup(2)  # the build's stderr: fd 2 is the capture file during the run
    sys.argv = [rel]
    sys.path[0] = str(file.parent)  # as `python snippets/x/y.py` would
    try:
        with _captured_output() as captured, warnings.catch_warnings():
            # Python's default filters, as `python snippet.py` has them (a
            # host may have changed them), fresh for each run: a warning shows
            # in every snippet that triggers it, not only the first; printed,
            # even where a test runner would record it instead.
            warnings.filters[:] = _PLAIN_RUN_WARNING_FILTERS
            warnings.showwarning = _show_warning
            if eager:
                sys.modules["tensorflow"].config.run_functions_eagerly(True)
            try:
                with _time_limit(rel, timeout, console), _figures_collected(figures):
                    namespace = runpy.run_path(str(file), run_name="__main__")
            except SnippetTimeout:
                error = _timed_out(rel, timeout)
            except SystemExit as exc:
                if exc.code not in (None, 0):
                    error = _traceback(exc)
            except Exception as exc:  # reported as the snippet's error, never swallowed
                error = _traceback(exc)
    finally:
        os.close(console)
        sys.argv = saved_argv
        sys.path[0] = saved_path0
        isolation.forget_modules_from(file.parent)
        isolation.reset()
    return SnippetRun(
        path=rel,
        source=source,
        output=clean(captured.text, root, snippet=rel),
        error=clean(error, root, snippet=rel) if error else None,
        namespace=namespace,
        figures=figures,
        seconds=time.perf_counter() - began,
    )


def _run_in_own_process(
    file: Path, root: Path, rel: str, source: str, *, eager: bool, timeout: float
) -> SnippetRun:
    """``python <snippet>`` in a new interpreter, from the checkout, its
    stdout and stderr in one pipe, in order (unbuffered)."""
    if eager:
        raise ValueError(f"{rel} runs in its own process: it has no eager comparison")
    began = time.perf_counter()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # TF_CPP_MIN_LOG_LEVEL: set above
    error = None
    try:
        done = subprocess.run(
            [sys.executable, rel],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            check=False,
        )
        text = done.stdout.decode("utf-8", errors="replace")
        if done.returncode != 0:
            # Python printed the traceback last: it becomes the error, as in
            # a run in the build's process.
            start = text.rfind("Traceback (most recent call last):")
            start = start if start >= 0 else len(text)
            text, error = text[:start], text[start:] or f"exit status {done.returncode}"
    except subprocess.TimeoutExpired as exc:
        text = (exc.stdout or b"").decode("utf-8", errors="replace")
        error = _timed_out(rel, timeout)
    return SnippetRun(
        path=rel,
        source=source,
        output=clean(text, root, snippet=rel),
        error=clean(error, root, snippet=rel) if error else None,
        seconds=time.perf_counter() - began,
    )


@contextlib.contextmanager
def _time_limit(snippet: str, seconds: float, console: int):
    """Stop the snippet after ``seconds``: a SnippetTimeout raised in it (a
    timer signal, main thread only), and if it is stuck where no exception
    reaches, the process ends after GRACE more seconds, naming the snippet."""
    done = threading.Event()

    def last_resort() -> None:
        if not done.wait(seconds + GRACE):
            os.write(
                console,
                f"traced: {snippet} ran past its time limit of {seconds:g} s and could "
                "not be stopped; ending the process\n".encode(),
            )
            os._exit(3)

    def on_alarm(signum, frame):
        raise SnippetTimeout(snippet)

    watchdog = threading.Thread(target=last_resort, daemon=True, name="traced-watchdog")
    watchdog.start()
    in_main = threading.current_thread() is threading.main_thread()
    if in_main:
        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if in_main:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        done.set()
        watchdog.join()


def _timed_out(snippet: str, seconds: float) -> str:
    """The error a snippet stopped at its time limit reports."""
    return f"SnippetTimeout: {snippet} ran past its time limit of {seconds:g} s"


def _traceback(exc: BaseException) -> str:
    # clean() later trims it to the snippet's own frames, like any stack trace.
    return "".join(traceback.format_exception(exc))


@contextlib.contextmanager
def _figures_collected(figures: list[str]):
    """``plt.show()`` is where a reader's window opens; here it does nothing
    and every figure left open is rendered to SVG for the page."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None:
        yield
        return
    show = pyplot.show
    pyplot.show = lambda *args, **kwargs: None
    try:
        yield
        for number in pyplot.get_fignums():
            buffer = io.StringIO()
            pyplot.figure(number).savefig(buffer, format="svg", metadata={"Date": None})
            svg = buffer.getvalue()
            figures.append(svg[svg.index("<svg") :])  # no XML prologue: inline HTML
    finally:
        pyplot.show = show
        pyplot.close("all")


class _Captured:
    text = ""


# https://docs.python.org/3/library/warnings.html#default-warning-filter
_PLAIN_RUN_WARNING_FILTERS = [
    ("default", None, DeprecationWarning, re.compile("__main__"), 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]


def _show_warning(message, category, filename, lineno, file=None, line=None):
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


@contextlib.contextmanager
def _logging_as_in_a_plain_run(stream):
    """Python logging as ``python snippet.py`` has it: no root handlers, and
    TensorFlow's logger printing ``LEVEL:tensorflow:message`` to stderr.

    A host process (MkDocs, pytest) may have configured logging its own way,
    which changes where TensorFlow's warnings go; the page must not depend
    on which host built it.
    """
    root, tf_logger = logging.getLogger(), logging.getLogger("tensorflow")
    saved = root.handlers[:], root.level, tf_logger.handlers[:], tf_logger.level
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(logging.BASIC_FORMAT))
    root.handlers, tf_logger.handlers = [], [handler]
    root.setLevel(logging.WARNING)
    tf_logger.setLevel(logging.NOTSET)
    try:
        yield
    finally:
        root.handlers, tf_logger.handlers = saved[0], saved[2]
        root.setLevel(saved[1])
        tf_logger.setLevel(saved[3])


@contextlib.contextmanager
def _captured_output():
    """Send fds 1 and 2, and Python's sys.stdout/sys.stderr, to one file.

    ``tf.print`` and TensorFlow's C++ logging write straight to fd 2, Python
    code to ``sys.stdout``; unbuffered writes to one shared file keep them in
    the order they happened.
    """
    captured = _Captured()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        with contextlib.suppress(Exception):
            stream.flush()
    with tempfile.TemporaryFile() as sink:
        saved_fds = os.dup(1), os.dup(2)
        saved_streams = sys.stdout, sys.stderr
        writer = io.TextIOWrapper(
            io.FileIO(sink.fileno(), "w", closefd=False), encoding="utf-8", write_through=True
        )
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
        sys.stdout = sys.stderr = writer
        try:
            with _logging_as_in_a_plain_run(writer):
                yield captured
        finally:
            for stream in (writer, sys.__stdout__, sys.__stderr__, *saved_streams):
                with contextlib.suppress(Exception):
                    stream.flush()
            sys.stdout, sys.stderr = saved_streams
            os.dup2(saved_fds[0], 1)
            os.dup2(saved_fds[1], 2)
            for fd in saved_fds:
                os.close(fd)
            writer.detach()
            sink.seek(0)
            captured.text = sink.read().decode("utf-8", errors="replace")

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
import functools
import io
import logging
import os
import random
import re
import runpy
import site
import sys
import sysconfig
import tempfile
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout: snippet paths on pages are relative to it."""

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
    path: str | os.PathLike[str], root: Path | None = None, *, eager: bool = False
) -> SnippetRun:
    """Run ``path`` (relative to ``root``) as ``__main__`` and capture what it writes.

    With ``eager=True`` every ``tf.function`` runs its Python eagerly
    (``tf.config.run_functions_eagerly(True)``): the same source, the other
    execution model, for side-by-side comparisons.
    """
    root = Path(root or ROOT).resolve()
    file = (root / path).resolve()
    rel = file.relative_to(root).as_posix()
    source = file.read_text(encoding="utf-8")
    prepare()
    _reset_global_state()
    error, namespace, figures = None, {}, []
    saved_argv, saved_path0 = sys.argv[:], sys.path[0]
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
                with _figures_collected(figures):
                    namespace = runpy.run_path(str(file), run_name="__main__")
            except SystemExit as exc:
                if exc.code not in (None, 0):
                    error = _traceback(exc)
            except Exception as exc:  # reported as the snippet's error, never swallowed
                error = _traceback(exc)
    finally:
        sys.argv = saved_argv
        sys.path[0] = saved_path0
        _forget_modules_from(file.parent)
        _reset_global_state()
    return SnippetRun(
        path=rel,
        source=source,
        output=clean(captured.text, root, snippet=rel),
        error=clean(error, root, snippet=rel) if error else None,
        namespace=namespace,
        figures=figures,
    )


def _traceback(exc: BaseException) -> str:
    # clean() later trims it to the snippet's own frames, like any stack trace.
    return "".join(traceback.format_exception(exc))


def _forget_modules_from(folder: Path) -> None:
    """Unload helpers a snippet imported from its own folder (``bench``), so
    the next snippet imports them afresh, as a plain run would."""
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        if origin and Path(origin).parent == folder:
            del sys.modules[name]


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


def _reset_global_state() -> None:
    """Undo what one snippet could leak into the next.

    Keras name counters (``dense``, ``dense_1``), eager-mode switches and
    random state otherwise carry over between snippets that share a process.
    Random generators go back to unseeded, as in a fresh interpreter: a
    snippet whose output depends on randomness seeds it itself.
    """
    random.seed()
    modules = sys.modules
    if "numpy" in modules:
        modules["numpy"].random.seed()
    if "tensorflow" in modules:
        tf = modules["tensorflow"]
        tf.config.run_functions_eagerly(False)
        tf.debugging.disable_check_numerics()
        tf.random.set_seed(None)
        _forget_retracing_history()
    if "keras" in modules:
        modules["keras"].backend.clear_session()


def _forget_retracing_history() -> None:
    """Reset the counts behind TensorFlow's "triggered tf.function retracing"
    warning.

    TensorFlow keeps them per code object for the whole process, and a file
    run twice compiles to equal code objects, so a second run would inherit
    the first one's retraces. There is no public way to reset them: this uses
    TensorFlow's private module, and the isolation tests fail if a release
    moves it.
    """
    from tensorflow.python.eager.polymorphic_function import polymorphic_function

    polymorphic_function._frequent_tracing_detector_manager = (
        polymorphic_function._FrequentTracingDetectorManager()
    )


# Values that differ from run to run, masked so two builds give the same page:
# memory addresses, object ids, the process-wide serial number in graph
# function names, and the random names of AutoGraph's generated files.
_VARYING = [
    (re.compile(r"\b0x[0-9a-fA-F]{6,}\b"), "0x…"),
    (re.compile(r"\bid=\d{6,}"), "id=…"),
    (re.compile(r"^(\s+)\d{12,}(?=: )", re.M), r"\1…"),  # ids of captured tensors
    (re.compile(r"(_inference_\w+?)_\d+(?=__|\b)"), r"\1_…"),
    (re.compile(r"__autograph_generated_file\w+"), "__autograph_generated_file…"),
]


# TensorFlow's C++ INFO/WARNING lines, which TF_CPP_MIN_LOG_LEVEL=2 silences
# except those written before absl logging is initialised (some releases log
# once from their first v1 Session, with a timestamp and a thread id), and
# TensorFlow Lite's own "INFO: " lines (printed once per process).
_CPP_LOG_LINE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called.*"
    r"|[IW]\d{4} [\d:.]+ +\d+ [\w.]+:\d+\] .*"
    r"|INFO: .*)\n",
    re.M,
)


def _drop_frames_above(text: str, snippet: str) -> str:
    """In each stack trace ("... (most recent call last):"), drop the frames
    above the first one in ``snippet``: they belong to whatever ran it."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        out.append(lines[i])
        i += 1
        if not lines[i - 1].rstrip().endswith("(most recent call last):"):
            continue
        j = i  # frames are indented, separated at most by blank lines
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith(" ")):
            if lines[j].strip().startswith(f'File "{snippet}"'):
                i = j  # resume at the snippet's first frame
                break
            j += 1
    return "\n".join(out)


def _path_prefixes(root: Path) -> list[tuple[str, str]]:
    """Absolute prefixes of this machine, longest first, and what replaces them."""
    pairs = []
    for base in {root, ROOT}:
        pairs += [(str(base) + os.sep, ""), (str(base), ".")]
    for sp in [*site.getsitepackages(), site.getusersitepackages()]:
        pairs.append((sp + os.sep, "site-packages/"))
    for key in ("stdlib", "platstdlib"):
        pairs.append((sysconfig.get_paths()[key] + os.sep, "python/"))
    pairs.append((sys.prefix + os.sep, "<python>/"))
    pairs.append((os.path.expanduser("~") + os.sep, "~/"))
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def clean(text: str, root: Path | None = None, snippet: str | None = None) -> str:
    """Make output safe and stable to publish.

    TensorFlow's C++ INFO/WARNING log lines go (``TF_CPP_MIN_LOG_LEVEL=2``
    misses those written before absl logging starts); absolute paths of the
    build machine become relative ones (a temporary directory becomes
    ``<tmp>``); the values in ``_VARYING`` are masked with ``…``; and stack
    traces start at the snippet's own frame, as they do when the snippet runs
    alone (the build's and runner's frames above it go). Nothing else is
    touched.
    """
    root = Path(root or ROOT)
    text = _CPP_LOG_LINE.sub("", text)
    for prefix, replacement in _path_prefixes(root):
        text = text.replace(prefix, replacement)
    if snippet:
        text = _drop_frames_above(text, snippet)
    for pattern, replacement in _VARYING:
        text = pattern.sub(replacement, text)
    # After the checkout's own paths: a clone may itself live under /tmp.
    tmp = re.escape(tempfile.gettempdir())
    text = re.sub(tmp + r"/tmp\w+", "<tmp>", text)  # mkdtemp's random names
    return re.sub(tmp + "/", "<tmp>/", text)


@functools.cache
def environment() -> dict[str, str]:
    """What produced the outputs: versions and the device TensorFlow computes on."""
    import platform

    import keras
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        details = tf.config.experimental.get_device_details(gpus[0])
        device = f"GPU ({details.get('device_name', gpus[0].name)})"
    else:
        device = f"CPU ({platform.machine()})"
    return {
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "python": platform.python_version(),
        "device": device,
    }

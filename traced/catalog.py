"""What the project holds: snippets, which pages embed them, which measure
time, which local modules they import, and the supported releases.

The build, the test suite, the release records and the noxfile read these
facts from here, so no list exists twice.
"""

from __future__ import annotations

import ast
import hashlib
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout: snippet paths on pages are relative to it."""

DOCS = ROOT / "docs"

EMBED = re.compile(
    r"^[ \t]*```snippet\b(?P<options>[^\n]*)\n[ \t]*(?P<path>\S+)[ \t]*\n[ \t]*```", re.M
)
"""A snippet fence in a page."""

TIMED_FOLDERS = ("snippets/performance/", "snippets/profiler/")
TIMED = frozenset({"snippets/retracing/retrace_cost.py"})
"""Snippets whose output includes measured times (every benchmark, and these
few elsewhere): the only outputs allowed to differ between two builds on
one machine, never reported as a release difference. Their claims hold on
a quick run and a full one, on a busy machine and another CPU."""


PIPELINE_TESTS = ("test_pipeline.py", "test_fence.py", "test_records.py", "test_workflow.py")
"""Test files that check the build itself; every other ``tests/test_*.py``
holds claims about outputs (``pytest --claims`` runs only those)."""


def is_timed(path: str) -> bool:
    return path in TIMED or path.startswith(TIMED_FOLDERS)


OWN_PROCESS = frozenset(
    {
        "snippets/hidden_graphs/mirrored_strategy.py",
        "snippets/debugging/tf_data_debug_mode.py",
        # Its dtype warnings come from logging.log_first_n: five per process.
        "snippets/gradients/none_gradients.py",
        # Eager execution off, for good.
        "snippets/tf1_code/disable_eager_execution.py",
        "snippets/tf1_code/keras_fit_without_eager.py",
    }
)
"""Snippets run in a new interpreter, as ``python <snippet>`` from the
checkout, instead of in the build's shared one: they change what a process
can do for good (set up TensorFlow's devices, which only a process that has
run no op can; turn eager execution off; enable tf.data's debug mode), or
print what TensorFlow says only a few times per process. They cost a
TensorFlow import each, and have no diagrams, charts or ``compare=`` tab."""


def runs_in_own_process(path: str) -> bool:
    return path in OWN_PROCESS


PLAIN_RUNS = frozenset(
    {"snippets/retracing/retracing_warning.py", "snippets/side_effects/print_vs_tf_print.py"}
)
"""Snippets the run step also runs as ``python <snippet>`` in a new
interpreter, keeping stdout and stderr apart (``path#plain`` in the record):
the pages claim where their output goes when a reader runs the file."""


def all_snippets(root: Path = ROOT) -> list[str]:
    """Every snippet file, relative to ``root``."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in (root / "snippets").rglob("*.py")
        if p.name != "__init__.py"
    )


def embedded_paths(markdown: str) -> list[str]:
    """The snippet paths a page embeds, in page order."""
    return [match["path"] for match in EMBED.finditer(markdown)]


OPTION = re.compile(r'([\w-]+)=(?:"([^"]*)"|(\S+))')
"""One ``name="value"`` (or unquoted ``name=value``) option on a fence line,
as pymdownx.superfences reads it."""


def options_of(line: str) -> dict[str, str]:
    """The ``name="value"`` options of one fence line."""
    return {m[1]: m[2] if m[2] is not None else m[3] for m in OPTION.finditer(line)}


def fences_in(markdown: str) -> list[tuple[str, dict[str, str]]]:
    """The fences of one page's Markdown, in order, as ``(path, {option: value})``."""
    return [(m["path"], options_of(m["options"])) for m in EMBED.finditer(markdown)]


def page_fences(docs: Path = DOCS) -> dict[str, list[tuple[str, dict[str, str]]]]:
    """Page (relative to docs/) -> the fences it holds, in page order, each as
    ``(snippet path, {option: value})``: what the run step checks, then runs."""
    return {
        page.relative_to(docs).as_posix(): fences_in(page.read_text(encoding="utf-8"))
        for page in sorted(docs.rglob("*.md"))
    }


def page_embeds(docs: Path = DOCS) -> dict[str, list[str]]:
    """Page (relative to docs/) -> snippet paths it embeds."""
    return {
        page.relative_to(docs).as_posix(): embedded_paths(page.read_text(encoding="utf-8"))
        for page in sorted(docs.rglob("*.md"))
    }


def local_modules(file: Path) -> list[Path]:
    """Modules ``file`` imports from its own folder, and theirs, in a stable
    order: what a run of it reads besides itself (``bench.py``)."""
    found: list[Path] = []
    todo = [file]
    while todo:
        current = todo.pop()
        tree = ast.parse(current.read_text(encoding="utf-8"), filename=str(current))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                module = file.parent / f"{name.split('.')[0]}.py"
                if module.is_file() and module != file and module not in found:
                    found.append(module)
                    todo.append(module)
    return sorted(found)


def digest(root: Path, path: str) -> str:
    """The content address of what a run of ``path`` reads: its bytes and
    those of its local modules. A record entry keeps it, so a reader can tell
    when the snippet changed after the run."""
    file = root / path
    parts = [file.read_bytes()] + [
        m.relative_to(root).as_posix().encode() + b"\0" + m.read_bytes()
        for m in local_modules(file)
    ]
    return hashlib.sha256(b"\0\0".join(parts)).hexdigest()


def releases(root: Path = ROOT) -> dict[str, dict[str, str]]:
    """``{"2.16": {"tensorflow": "2.16.2", "keras": "3.3.3"}, ...}``, oldest first."""
    with open(root / "releases.toml", "rb") as file:
        table = tomllib.load(file)["releases"]
    return dict(sorted(table.items(), key=lambda item: tuple(map(int, item[0].split(".")))))

"""The run cache: one job, never running a snippet again when nothing that
could change its output has changed.

Two layers, one module:

- **In process**, every ``(root, path, eager)`` runs once per build or test
  session (:func:`run`); the result keeps the snippet's namespace, which
  diagrams and tests read.
- **On disk**, for authors only (published outputs always come from a
  fresh run: README, The run cache), rendered results under
  ``.cache/traced/runs/<key>.json``. The key (:func:`key`) holds everything
  that can change an output: the snippet's bytes and those of the local
  modules it imports, the build glue's source, the TensorFlow, Keras and
  Python versions, the device, the eager flag, the diagrams drawn and the
  environment switches snippets read. ``TRACED_CACHE`` says how it is used:
  ``use`` (read and write: ``nox -s serve``), ``write`` (the default: run
  everything fresh and store it, what ``nox -s docs`` publishes), ``off``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from traced import catalog, provenance, runner

SWITCHES = ("TRACED_QUICK", "PYTHONHASHSEED")
"""Environment variables that change what snippets print: part of the key."""

GLUE = Path(__file__).resolve().parent

_log = logging.getLogger("mkdocs.plugins.traced")
_memo: dict[tuple[str, str, bool], runner.SnippetRun] = {}


@dataclass
class Stats:
    """What a run step did, for its closing summary line."""

    ran: int = 0
    cached: int = 0
    seconds: float = 0.0
    """Sum of the snippets' own run times."""


def mode() -> str:
    value = os.environ.get("TRACED_CACHE", "write")
    if value not in ("use", "write", "off"):
        raise ValueError(f"TRACED_CACHE={value!r}: use 'use', 'write' or 'off'")
    return value


def directory() -> Path:
    return Path(os.environ.get("TRACED_CACHE_DIR", catalog.ROOT / ".cache" / "traced"))


def forget() -> None:
    """Every snippet runs again in this process (tests)."""
    _memo.clear()


def run(
    path: str, root: Path, *, eager: bool = False, timeout: float = runner.DEFAULT_TIMEOUT
) -> runner.SnippetRun:
    """The snippet's run in this process, run on first request, with progress:
    for tests that read no record (quick authoring with ``pytest -k``)."""
    memo_key = (str(root), path, eager)
    if memo_key not in _memo:
        label = f"{path} (eager)" if eager else path
        _log.info("traced: running %s", label)
        result = runner.run_snippet(path, root=root, eager=eager, timeout=timeout)
        status = "ok" if result.ok else "FAILED"
        _log.info("traced: %s %s in %.1f s", label, status, result.seconds)
        _memo[memo_key] = result
    return _memo[memo_key]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def address(parts: dict) -> str:
    """The content address of a key's parts (JSON, sorted): snippets' and
    notebooks' keys alike."""
    return _digest(json.dumps(parts, sort_keys=True).encode())


def glue_digest() -> str:
    """The build glue's own source: a change to it can change any output."""
    files = sorted(p for p in GLUE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return _digest(
        b"".join(p.relative_to(GLUE).as_posix().encode() + p.read_bytes() for p in files)
    )


def environment_parts() -> dict:
    """What every key shares: glue, versions, device, switches."""
    return {
        "glue": glue_digest(),
        "environment": provenance.environment(),
        "switches": {name: os.environ.get(name) for name in SWITCHES},
    }


def key(root: Path, path: str, *, eager: bool, diagrams: tuple[str, ...] = ()) -> str:
    """The content address of one rendered snippet."""
    file = root / path
    parts = {
        "path": path,
        "snippet": _digest(file.read_bytes()),
        "modules": [
            [m.relative_to(root).as_posix(), _digest(m.read_bytes())]
            for m in catalog.local_modules(file)
        ],
        "eager": eager,
        "diagrams": sorted(diagrams),
        **environment_parts(),
    }
    return address(parts)


@dataclass
class Entry:
    """A rendered snippet as the disk cache stores it (no namespace: not storable)."""

    path: str
    eager: bool
    output: str
    figures: list[str]
    diagrams: dict[str, str]
    seconds: float
    created: str
    from_cache: bool = False


def load(cache_key: str) -> Entry | None:
    """The stored entry under ``cache_key`` when the mode reads the cache
    (the run step counts and reports it)."""
    if mode() != "use":
        return None
    file = directory() / "runs" / f"{cache_key}.json"
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Entry(**{**data, "from_cache": True})


def save(cache_key: str, entry: Entry) -> None:
    if mode() == "off":
        return
    folder = directory() / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    data = asdict(entry)
    data.pop("from_cache")
    tmp = folder / f".{cache_key}.tmp"
    tmp.write_text(json.dumps(data), encoding="utf-8")
    tmp.replace(folder / f"{cache_key}.json")  # atomic: a reader never sees half


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")

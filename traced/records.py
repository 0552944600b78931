"""Run records: one job, the evidence of what ran where, and what was
checked. This module alone decides what a record holds: the run step makes
entries and records through :func:`entry` and :func:`new`, the claim tests
add their outcomes through :func:`add_outcomes`, and everything else reads.

The run step (``python -m traced run``, :mod:`traced.execute`) runs every
snippet a page shows once and writes one JSON record,
``results/<release>-<device>.json`` (for example ``results/2.16-cpu.json``).
Everything else reads it: the claim tests (``tests/conftest.py`` serves
``output(...)`` from it, and writes the tests' outcomes back into it), the
``snippet`` fence (pages render from it; nothing runs while Markdown is
rendered), the "Tested on" page and the per-release notes under outputs that
read differently on another release.

A record holds:

- ``schema`` (:data:`SCHEMA`), ``complete`` (every planned run finished and
  is in the record), ``release`` (``2.16``), ``device_kind``
  (``cpu``/``gpu``), ``session`` (the nox session that made it, then the one
  that ran the claims), ``date`` (UTC, ISO 8601) and ``quick`` (benchmarks
  run short, as in the tests);
- ``environment``: ``tensorflow``, ``keras``, ``python``, ``device`` and
  ``platform`` (:func:`traced.provenance.environment`);
- ``snippets``: one entry per run, keyed ``path``, ``path#eager`` (the Eager
  tab) or ``path#plain`` (``python <snippet>``, :data:`catalog.PLAIN_RUNS`).
  Every entry holds ``output`` (cleaned), ``error`` (a traceback, or null),
  ``timed``, ``digest`` (of the source it ran: the snippet and its local
  modules, so a stale entry shows), ``figures`` (SVG), ``diagrams`` (name ->
  SVG), ``diagram_errors`` (name -> why it could not be drawn), ``seconds``
  and ``from_cache``; a plain run adds ``stdout``, ``stderr`` and
  ``returncode``;
- ``notebooks``: for each notebook, its ``error`` or null and ``seconds``;
- ``api``: each API name the pages write in inline code -> its reference
  URL, for the names that resolve in this release (:mod:`traced.api_links`);
- after the claim tests ran on it (a full run; a partial one adds nothing):
  ``claims`` (``"all"``, ``"claims"``, or null before any ran),
  ``claims_date``, ``summary`` (counts by outcome), ``tests`` (outcome by
  test id) and ``checks``: for each claim test that read an output, the
  record keys it ``read``, the ``sentences`` it guards (``[page, sentence]``
  pairs, :mod:`traced.claims`) and the ``line`` its source starts on.
"""

from __future__ import annotations

import datetime
import difflib
import importlib.metadata
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from traced import catalog, provenance

SCHEMA = 2

_TENSORFLOW_DISTRIBUTIONS = ("tensorflow-cpu", "tensorflow", "tensorflow-gpu", "tf-nightly")


class RecordError(Exception):
    """A record that cannot be used: unreadable, another schema, incomplete."""


def results_dir() -> Path:
    return Path(os.environ.get("TRACED_RESULTS", catalog.ROOT / "results"))


def record_name(release: str, device_kind: str) -> str:
    return f"{release}-{device_kind}.json"


def snippet_key(path: str, eager: bool) -> str:
    return f"{path}#eager" if eager else path


def installed_release() -> str:
    """The installed TensorFlow's release line (``2.21``), read from the
    package metadata: no TensorFlow import, so rendering stays fast."""
    for name in _TENSORFLOW_DISTRIBUTIONS:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        return ".".join(version.split(".")[:2])
    raise RecordError("TensorFlow is not installed: there is no release to record")


def current_path() -> Path:
    """This build's record: ``TRACED_RECORD`` if set, else the installed
    release's record in ``results/`` for ``TRACED_DEVICE`` (``cpu`` unless
    the gpu session says otherwise)."""
    given = os.environ.get("TRACED_RECORD")
    if given:
        return Path(given)
    kind = os.environ.get("TRACED_DEVICE", "cpu")
    return results_dir() / record_name(installed_release(), kind)


def read(file: Path) -> dict:
    """One record's data, or a RecordError naming the file and the fault."""
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except OSError as error:
        raise RecordError(f"{file}: cannot be read ({error.strerror or error})") from None
    except ValueError as error:
        raise RecordError(f"{file}: not a JSON record ({error})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else None
        raise RecordError(
            f"{file}: record schema {found!r}, this build reads schema {SCHEMA}; "
            "run `python -m traced run` again"
        )
    missing = [k for k in ("release", "device_kind", "environment", "snippets") if k not in data]
    if missing:
        raise RecordError(f"{file}: incomplete record, no {', '.join(missing)}")
    if data.get("complete") is not True:
        raise RecordError(f"{file}: incomplete record: its run did not finish")
    return data


def new(environment: dict[str, str], snippets: dict[str, dict], **fields) -> dict:
    """A complete record of ``snippets`` run on ``environment``, no claims
    run on it yet; ``fields`` add to it or replace (``notebooks``, ``date``)."""
    return {
        "schema": SCHEMA,
        "complete": True,
        "release": provenance.release(environment),
        "device_kind": provenance.device_kind(environment),
        "session": os.environ.get("TRACED_SESSION", "python -m traced run"),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "quick": os.environ.get("TRACED_QUICK") == "1",
        "environment": environment,
        "claims": None,
        "summary": {},
        "tests": {},
        "checks": {},
        "snippets": dict(sorted(snippets.items())),
        "notebooks": {},
        "api": {},
        **fields,
    }


def entry(digest: str, timed: bool, **fields) -> dict:
    """One snippet run's entry: what every entry holds, then ``fields``."""
    return {
        "output": "",
        "error": None,
        "timed": timed,
        "digest": digest,
        "figures": [],
        "diagrams": {},
        "diagram_errors": {},
        "seconds": 0.0,
        "from_cache": False,
        **fields,
    }


def add_outcomes(file: Path, scope: str, outcomes: dict[str, str], checks: dict[str, dict]) -> None:
    """Add the claim tests' outcomes to the record in ``file``: ``scope`` is
    ``"all"`` or ``"claims"``; ``outcomes`` by test id; ``checks``: what each
    test read and the sentences it guards."""
    data = read(file)  # as it is now, in case it was rewritten
    summary: dict[str, int] = {}
    for outcome in outcomes.values():
        summary[outcome] = summary.get(outcome, 0) + 1
    data.update(
        claims=scope,
        claims_date=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        session=os.environ.get("TRACED_SESSION", data.get("session")),
        summary=summary,
        tests=dict(sorted(outcomes.items())),
        checks=dict(sorted(checks.items())),
    )
    write(file, data)


def write(file: Path, data: dict) -> None:
    """Write a record atomically: a reader never sees half of one."""
    file = Path(file)
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(file)


def shown(file: Path) -> str:
    """A record's path as messages name it: relative to the checkout when inside it."""
    file = Path(file).resolve()
    return (
        file.relative_to(catalog.ROOT).as_posix()
        if file.is_relative_to(catalog.ROOT)
        else str(file)
    )


@dataclass(frozen=True)
class Record:
    file: str
    data: dict

    @property
    def release(self) -> str:
        return self.data["release"]

    @property
    def device_kind(self) -> str:
        return self.data["device_kind"]

    def entry(self, path: str, eager: bool) -> dict | None:
        return self.data["snippets"].get(snippet_key(path, eager))

    def output(self, path: str, eager: bool) -> str | None:
        snippet = self.entry(path, eager)
        if snippet is None or snippet.get("error"):
            return None
        return snippet["output"]


def load(folder: Path | None = None) -> list[Record]:
    """Every record in ``folder``, oldest release first. A file there that is
    not a usable record fails (RecordError naming it): evidence never goes
    missing without a word."""
    folder = folder or results_dir()
    found = []
    for file in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        found.append(Record(file.name, read(file)))
    order = list(catalog.releases())
    return sorted(
        found,
        key=lambda r: (order.index(r.release) if r.release in order else 99, r.device_kind),
    )


def span(releases: list[str]) -> str:
    """``2.16-2.18`` for consecutive supported releases, else a list."""
    order = list(catalog.releases())
    if len(releases) > 1 and all(r in order for r in releases):
        positions = [order.index(r) for r in releases]
        if positions == list(range(positions[0], positions[0] + len(positions))):
            return f"{releases[0]}-{releases[-1]}"
    return ", ".join(releases)


def differing(
    records: list[Record], path: str, eager: bool, output: str, release: str, device_kind: str
) -> list[tuple[list[str], str]]:
    """Outputs of ``path`` that other releases' records hold and that differ
    from ``output`` (this build's): ``[(releases, their output)]``, releases
    with the same output grouped. Timed snippets never differ (their numbers
    change on every run); records of another device kind are not compared."""
    if catalog.is_timed(path):
        return []
    groups: dict[str, list[str]] = {}
    for record in records:
        if record.release == release or record.device_kind != device_kind:
            continue
        theirs = record.output(path, eager)
        if theirs is not None and theirs != output:
            groups.setdefault(theirs, []).append(record.release)
    return [(releases, theirs) for theirs, releases in groups.items()]


def anchor(path: str, eager: bool) -> str:
    stem = path.removeprefix("snippets/").removesuffix(".py").replace("/", "-").replace("_", "-")
    return f"differs-{stem}" + ("-eager" if eager else "")


def note(
    records: list[Record], path: str, eager: bool, output: str, release: str, device_kind: str
) -> str:
    """Collapsed notes to put under an output: one per group of releases
    whose output differs, with a unified diff from this page's output."""
    parts = []
    groups = differing(records, path, eager, output, release, device_kind)
    for releases, theirs in groups:
        body = diff_fence(
            output, theirs, f"TensorFlow {release} (this page)", f"TensorFlow {span(releases)}"
        )
        indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
        parts.append(
            f'??? note "Differs on TensorFlow {span(releases)}"\n\n'
            f"    The output above is this build's. The run recorded for "
            f"TensorFlow {span(releases)} printed this instead:\n\n{indented}"
        )
    if not parts:
        return ""
    return f'\n\n<a id="{anchor(path, eager)}"></a>' + "".join(f"\n\n{p}" for p in parts)


def diff_fence(ours: str, theirs: str, ours_label: str, theirs_label: str) -> str:
    """A ```diff fence from ``ours`` to ``theirs``, one line of context."""
    diff = "\n".join(
        difflib.unified_diff(
            ours.splitlines(), theirs.splitlines(), ours_label, theirs_label, lineterm="", n=1
        )
    )
    ticks = "`" * max(3, max((len(t) for t in re.findall("`+", diff)), default=0) + 1)
    return f"{ticks}diff\n{diff}\n{ticks}"


def outputs_shown(data: dict, fences: list[tuple[str, dict[str, str]]]) -> list[str]:
    """The output blocks a page with these fences (:func:`catalog.page_fences`)
    shows, in page order, as the fence renders them from ``data``: what the
    tests compare a rendered page with."""
    shown = []
    for path, options in fences:
        output = data["snippets"][path]["output"]
        if options.get("compare") == "eager":
            shown += [output or "(no output)", data["snippets"][f"{path}#eager"]["output"]]
        elif output.strip() or options.get("show") == "output":
            shown.append(output or "(no output)")
    return shown


def as_rendered(text: str) -> str:
    """What Python-Markdown does to a code block's whitespace, invisible to a
    reader: tabs expanded (TensorFlow indents `[[{{node ...}}]]` with one),
    trailing blanks dropped. Tests compare a page's outputs with the record
    through it."""
    return "\n".join(line.rstrip() for line in text.expandtabs(4).rstrip().splitlines())


def checked(data: dict) -> bool:
    """Whether claims ran on this record's outputs and none failed."""
    summary = data.get("summary") or {}
    return bool(data.get("claims")) and not summary.get("failed") and not summary.get("error")


def missing_evidence(folder: Path, gpu: bool) -> list[str]:
    """What CI's docs job lacks before it may publish: every supported
    release's CPU record (and a GPU one when ``gpu``), complete, with the
    claims run on it. A file that is not a usable record is named too."""
    try:
        found = load(folder)
    except RecordError as error:
        return [str(error)]
    by_row = {(r.release, r.device_kind): r for r in found}
    wanted = [(release, "cpu") for release in catalog.releases()]
    problems = []
    for release, kind in wanted:
        record = by_row.get((release, kind))
        if record is None:
            problems.append(f"{record_name(release, kind)}: no record for TensorFlow {release}")
        elif not record.data.get("claims"):
            problems.append(f"{record.file}: the tests never ran on this record")
    if gpu and not any(kind == "gpu" for _, kind in by_row):
        problems.append("no GPU record, though the GPU job ran")
    return problems

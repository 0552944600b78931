"""Release records: one job, the evidence of what ran where.

A full run of the test suite (``nox -s tests``, each ``matrix(X)`` row,
``nox -s gpu``) writes one JSON record, ``results/<release>-<device>.json``
(for example ``results/2.16-cpu.json``), through the hooks in
``tests/conftest.py``. A partial run (``-k``, ``--lf``, explicit paths, a
collection error, an interrupted session) writes none. The build reads the
records it finds to make the "Tested on" page and the per-release notes under
outputs that read differently on another release.

A record holds:

- ``schema``, ``release`` (``2.16``), ``device_kind`` (``cpu``/``gpu``),
  ``session`` (the nox session), ``date`` (UTC, ISO 8601);
- ``environment``: TensorFlow, Keras, Python, device and platform;
- ``summary`` (counts by outcome) and ``tests`` (outcome by test id);
- ``snippets``: for each snippet (``path``, and ``path#eager`` for the Eager
  tab), its cleaned ``output``, its ``error`` or null, and ``timed``.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from traced import catalog

SCHEMA = 1


def results_dir() -> Path:
    return Path(os.environ.get("TRACED_RESULTS", catalog.ROOT / "results"))


def record_name(release: str, device_kind: str) -> str:
    return f"{release}-{device_kind}.json"


def snippet_key(path: str, eager: bool) -> str:
    return f"{path}#eager" if eager else path


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

    def output(self, path: str, eager: bool) -> str | None:
        snippet = self.data["snippets"].get(snippet_key(path, eager))
        if snippet is None or snippet.get("error"):
            return None
        return snippet["output"]


def load(folder: Path | None = None) -> list[Record]:
    """Every complete record in ``folder``, oldest release first."""
    folder = folder or results_dir()
    records = []
    for file in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if data.get("schema") == SCHEMA and data.get("complete") is True:
            records.append(Record(file.name, data))
    order = list(catalog.releases())
    return sorted(
        records,
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
        diff = "\n".join(
            difflib.unified_diff(
                output.splitlines(),
                theirs.splitlines(),
                f"TensorFlow {release} (this page)",
                f"TensorFlow {span(releases)}",
                lineterm="",
                n=1,
            )
        )
        ticks = "`" * max(3, max((len(t) for t in re.findall("`+", diff)), default=0) + 1)
        body = f"{ticks}diff\n{diff}\n{ticks}"
        indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
        parts.append(
            f'??? note "Differs on TensorFlow {span(releases)}"\n\n'
            f"    The output above is this build's. The test run recorded for "
            f"TensorFlow {span(releases)} printed this instead:\n\n{indented}"
        )
    if not parts:
        return ""
    return f'\n\n<a id="{anchor(path, eager)}"></a>' + "".join(f"\n\n{p}" for p in parts)

"""The mutation check: one job, finding outputs that no claim could tell
from a wrong one.

``python -m traced mutate`` (``nox -s mutate``) takes a run record whose
claims passed, and for every output a page shows changes it three ways:

- ``drop-last``: its last non-blank line dropped;
- ``reverse``: its lines in reverse order (not applicable to an output
  whose reversal is itself);
- ``numbers``: every digit moved on by one (``9`` becomes ``0``; not
  applicable to an output without digits).

For each change it runs the claim tests that read that output on the
changed record (``pytest --mutate``: each test once per output it read,
only that one changed) and counts the changes some test caught. It prints
the figures by kind and names the outputs no change could break. It fails
when fewer than :data:`DROP_TARGET` of the dropped lines are caught, or when
an output breaks no claim under any change and its fence does not say
``claims="none"`` (an illustration, with nothing claimed about it).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from traced import catalog, execute, records

KINDS = ("drop-last", "reverse", "numbers")
DROP_TARGET = 0.95


def change(text: str, kind: str) -> str:
    """``text`` changed the ``kind`` way (possibly unchanged: not applicable)."""
    lines = text.splitlines()
    if kind == "drop-last":
        kept = list(lines)
        while kept and not kept[-1].strip():
            kept.pop()
        return "\n".join(kept[:-1]) + ("\n" if kept[:-1] else "")
    if kind == "reverse":
        return "\n".join(reversed(lines)) + "\n"
    if kind == "numbers":
        return "".join(str((int(c) + 1) % 10) if c.isdigit() else c for c in text)
    raise ValueError(f"unknown change {kind!r}; the kinds are {', '.join(KINDS)}")


def applies(text: str, kind: str) -> bool:
    """Whether the change makes any difference to ``text``."""
    if kind == "drop-last":
        return bool(text.strip())
    return change(text, kind).rstrip("\n") != text.rstrip("\n")


def shown_outputs(data: dict, docs: Path = catalog.DOCS) -> dict[str, dict]:
    """Every output a page shows, by record key: ``{"page", "illustration"}``."""
    found: dict[str, dict] = {}
    for page, fences in catalog.page_fences(docs).items():
        for path, options in fences:
            illustration = options.get("claims") == "none"
            keys = [path]
            if options.get("compare") == "eager":
                keys.append(f"{path}#eager")
            for key in keys:
                entry = data["snippets"].get(key)
                if entry is None or entry.get("error") or not entry["output"].strip():
                    continue
                known = found.setdefault(key, {"page": page, "illustration": illustration})
                known["illustration"] = known["illustration"] and illustration
    return found


def _pytest(record_file: Path, report: Path, args: list[str]) -> dict:
    subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
            "--claims", f"--record={record_file}", f"--mutate-report={report}", "--tb=no",
            *args,
        ],
        cwd=catalog.ROOT,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return json.loads(report.read_text()) if report.is_file() else {}


def run(record_file: Path, pytest_args: list[str] | None = None, page: str | None = None) -> int:
    """The mutation check on ``record_file`` (the outputs of ``page`` only,
    when given); prints its figures, returns the exit status."""
    data = records.read(record_file)
    outputs = shown_outputs(data)
    if page:
        outputs = {k: v for k, v in outputs.items() if v["page"] == page}
    caught: dict[str, dict[str, bool]] = {kind: {} for kind in KINDS}
    with tempfile.TemporaryDirectory() as folder:
        unchanged = Path(folder) / "unchanged.json"
        if not pytest_args and records.checked(data) and data.get("checks"):
            # The claims just passed on this record and it says what each read
            # (nox -s tests, docs): no need to run them unchanged again.
            first = {"outcomes": {}, "checks": data["checks"]}
            unchanged.write_text(json.dumps(first))
        else:
            first = _pytest(record_file, unchanged, list(pytest_args or []))
        failing = sorted(t for t, o in first.get("outcomes", {}).items() if o != "passed")
        if not first or failing:
            for test in failing:
                print(f"traced: mutate: fails on the unchanged record: {test}", file=sys.stderr)
            print(
                f"traced: mutate: the claims must pass on {records.shown(record_file)} "
                "before its outputs are changed",
                file=sys.stderr,
            )
            return 2

        def changed_run(kind: str) -> dict:
            report = Path(folder) / f"{kind}.json"
            args = [f"--mutate={kind}", f"--mutate-checks={unchanged}", *(pytest_args or [])]
            return _pytest(record_file, report, args).get("outcomes", {})

        # One pytest process per kind, as many at once as there are cores.
        with ThreadPoolExecutor(max_workers=min(len(KINDS), execute.default_workers())) as pool:
            by_kind = dict(zip(KINDS, pool.map(changed_run, KINDS), strict=True))
        for kind, outcomes in by_kind.items():
            for key in outputs:
                text = data["snippets"][key]["output"]
                if not applies(text, kind):
                    continue
                mine = [o for test, o in outcomes.items() if test.endswith(f"[{key}]")]
                caught[kind][key] = any(o != "passed" for o in mine)
    shown = records.shown(record_file)
    where = f" on docs/{page}" if page else " on the pages"
    print(f"traced: mutate: {len(outputs)} outputs shown{where}, from {shown}")
    for kind in KINDS:
        got = caught[kind]
        share = sum(got.values()) / len(got) if got else 1.0
        print(f"  {kind:<10} caught {sum(got.values()):>3} of {len(got):>3} ({share:.0%})")
    never = sorted(
        key
        for key, info in outputs.items()
        if not info["illustration"] and not any(caught[k].get(key) for k in KINDS)
    )
    illustrations = sorted(k for k, info in outputs.items() if info["illustration"])
    for key in never:
        print(f"  no change breaks a claim: {key} (on docs/{outputs[key]['page']})")
    for kind in ("drop-last", "reverse"):
        for key in sorted(k for k, hit in caught[kind].items() if not hit):
            print(f"  {kind} not caught: {key}")
    print(f'  illustrations (claims="none"), nothing claimed: {len(illustrations)}')
    drop = caught["drop-last"]
    share = sum(drop.values()) / len(drop) if drop else 1.0
    failures = []
    if share < DROP_TARGET:
        failures.append(f"dropped last lines caught {share:.0%}, under {DROP_TARGET:.0%}")
    if never:
        failures.append(f"{len(never)} outputs break no claim under any change")
    for failure in failures:
        print(f"traced: mutate: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0

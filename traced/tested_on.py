"""The "Tested on" page: one job, rendering the run records as Markdown.

Written by the run step (``python -m traced run``, then again by
``python -m traced tested-on`` once the claim tests have added their
outcomes) into ``docs/tested-on.md``, from the records present (never
typed): one row per supported release and device; a release with no record
says "not run for this build" and never shows a pass; then each page's
claims per release, every sentence a test binds (:mod:`traced.claims`)
with its test and its outcome on each recorded release, and every snippet
output that reads differently on another recorded release, linked to where
the page shows it.
"""

from __future__ import annotations

import re
from pathlib import Path

from traced import catalog, claims, provenance, records


def write(docs: Path) -> Path:
    """Write ``docs/tested-on.md`` from ``results/``. This build's own record
    must be there (a RecordError otherwise): the page is never empty."""
    current = records.current_path()
    build = records.read(current)
    mine = (build["release"], build["device_kind"])
    found = [r for r in records.load() if (r.release, r.device_kind) != mine]
    found.append(records.Record(current.name, build))
    target = docs / "tested-on.md"
    target.write_text(
        page(found, build["environment"], catalog.page_embeds(docs)), encoding="utf-8"
    )
    return target


DEVICES = ("cpu", "gpu")


def _outcome(data: dict) -> str:
    if not data.get("claims"):
        return "outputs recorded; **claims not run** on them"
    summary = data["summary"]
    words = [
        f"{summary[k]} {k}" for k in ("passed", "failed", "error", "skipped") if summary.get(k)
    ]
    scope = "claim tests only" if data["claims"] == "claims" else "claim and pipeline tests"
    return (", ".join(words) or "no tests") + f" ({scope})"


def _failures(data: dict) -> str:
    failed = sorted(t for t, outcome in data["tests"].items() if outcome in ("failed", "error"))
    if not failed:
        return "none"
    shown = "<br>".join(f"`{t}`" for t in failed[:8])
    return shown + (f"<br>and {len(failed) - 8} more" if len(failed) > 8 else "")


def page(found: list[records.Record], build: dict, embeds: dict[str, list[str]]) -> str:
    """The page's Markdown. ``build``: this build's environment (provenance);
    ``embeds``: page -> snippet paths, to link each difference to its page."""
    by_row = {(r.release, r.device_kind): r for r in found}
    lines = [
        "# Tested on",
        "",
        "Every claim on this site is asserted by the project's test suite. This page",
        "is generated each time the site is built, from the *run records* the build",
        "found: one JSON file per run of every snippet, written by the run step",
        "(`python -m traced run`, which `nox -s docs`, `nox -s tests`,",
        '`nox -s "matrix(X)"` and `nox -s gpu` call first) into `results/`; the',
        "claim tests then read their outputs from that record and add their",
        "outcomes to it. In the hosted site, the other releases' records come from",
        "the matrix jobs of the same CI workflow run that built it. A release with",
        "no record was not run for this build, and the table says so rather than",
        "show a pass.",
        "",
        f"This build's outputs were run on TensorFlow {build['tensorflow']} "
        f"with Keras {build['keras']}, Python {build['python']}, on {build['device']}; "
        "the pages show that run, exactly as the claim tests read it.",
        "",
    ]
    if not found:
        lines += [
            '!!! warning "No release records"',
            "",
            "    This build found no release records, so no release below is shown",
            "    as tested. Run the test suite (`nox -s tests`, or the matrix) and",
            "    build again.",
            "",
        ]
    lines += [
        "| TensorFlow | Device | Tests | Failures | Date | Keras | Python |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for release, pins in catalog.releases().items():
        for kind in DEVICES:
            record = by_row.get((release, kind))
            if record is None:
                if kind == "gpu":
                    continue  # GPU rows appear only when a GPU run was recorded
                lines.append(
                    f"| {release} ({pins['tensorflow']}) | CPU | **not run for this build** "
                    f"| | | {pins['keras']} (pinned) | |"
                )
                continue
            env, data = record.data["environment"], record.data
            lines.append(
                f"| {release} ({env['tensorflow']}) | {env['device']} | {_outcome(data)} "
                f"| {_failures(data)} | {data['date'][:10]} | {env['keras']} | {env['python']} |"
            )
    if not any(kind == "gpu" for _, kind in by_row):
        lines += ["", "No GPU run was recorded for this build (`nox -s gpu` needs a GPU)."]
    lines += _preview(found, build, embeds)
    lines += ["", "## Claims checked, page by page", ""]
    lines += _claims_by_page(by_row, embeds)
    lines += ["", "## Every checked sentence", ""]
    lines += _sentences(by_row)
    lines += ["", "## Outputs that differ between releases", ""]
    lines += _differences(found, build, embeds)
    lines += ["", "## How long each example ran", ""]
    lines += _execution(found, build, embeds)
    return "\n".join(lines) + "\n"


def claims_file(page: str) -> str:
    """The test file that holds ``page``'s claims (``side-effects.md`` ->
    ``tests/test_side_effects.py``): the naming rule every chapter follows."""
    return f"tests/test_{page.removesuffix('.md').replace('-', '_')}.py"


def _title(page: str) -> str:
    """The page's first heading, or its file name where it has none."""
    path = catalog.DOCS / page
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), page)


def _column(release: str, kind: str) -> str:
    preview = "" if release in catalog.releases() else " (preview)"
    return f"{release} {kind.upper()}{preview}"


def _rows(by_row) -> list[tuple[tuple[str, str], records.Record]]:
    return sorted(
        by_row.items(), key=lambda item: (tuple(map(int, item[0][0].split("."))), item[0][1])
    )


def _test_files(by_row) -> list[str]:
    """Every claim test file any record ran (the pipeline's own files aside)."""
    pipeline = {f"tests/{name}" for name in catalog.PIPELINE_TESTS}
    return sorted(
        {t.split("::")[0] for r in by_row.values() for t in r.data.get("tests", {})} - pipeline
    )


def _claims_by_page(by_row, embeds) -> list[str]:
    """What a reader of one page can check: for each claim test file, how
    many of its tests passed on each recorded release and device, and their
    sum, which is the Tests column above less the pipeline's own tests."""
    rows = _rows(by_row)
    if not rows:
        return ["No run record was found, so no page's claims are shown as checked."]
    header = [_column(release, kind) for (release, kind), _ in rows]
    lines = [
        "Each page's claims are the tests in the test file named after it; a few",
        "files check what no single page shows (the chapter notebooks, the",
        "maintainers' notes). A claim the prose says holds on every release holds",
        "on the releases whose column counts all of its page's tests as passing; a",
        "release not in the table was not run for this build. The last row adds",
        "them up: the Tests column above counts these, and the pipeline's own",
        "tests besides where the session ran them.",
        "",
        "| Claims of | " + " | ".join(header) + " |",
        "| --- | " + " | ".join("---" for _ in header) + " |",
    ]
    pages = {claims_file(page): page for page in embeds}
    totals = [[0, 0] for _ in rows]
    for file in _test_files(by_row):
        cells = []
        for index, (_, record) in enumerate(rows):
            outcomes = [
                o for t, o in record.data.get("tests", {}).items() if t.startswith(f"{file}::")
            ]
            if not outcomes:
                cells.append("not run")
                continue
            passed = sum(o == "passed" for o in outcomes)
            totals[index][0] += passed
            totals[index][1] += len(outcomes)
            cells.append(f"{passed} of {len(outcomes)} passed")
        page = pages.get(file)
        name = f"[{_title(page)}]({page})" if page else f"`{file}`"
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    cells = [f"{p} of {n} passed" if n else "not run" for p, n in totals]
    lines.append("| **All claim tests** | " + " | ".join(cells) + " |")
    return lines


def _sentences(by_row) -> list[str]:
    """Every sentence a test binds, page by page, with the test and its
    outcome on each recorded release and device."""
    found = claims.bindings()
    rows = _rows(by_row)
    if not found:
        return ["No test binds a sentence yet."]
    header = [_column(release, kind) for (release, kind), _ in rows]
    lines = [
        "Each sentence below is on its page word for word, and the test beside it",
        "checks it on the recorded output; a test suite fails the build when a",
        "bound sentence is edited away from its page. Per release: the test's",
        "outcome on that release's record.",
        "",
    ]
    by_page: dict[str, list[claims.Binding]] = {}
    for binding in found:
        by_page.setdefault(binding.page, []).append(binding)
    for page in sorted(by_page):
        bound = by_page[page]
        lines += [
            f'??? note "{_title(page)}: {len(bound)} sentences checked"',
            "",
            "    | Sentence | Test | " + " | ".join(header) + " |",
            "    | --- | --- | " + " | ".join("---" for _ in header) + " |",
        ]
        for b in bound:
            cells = []
            for _, record in rows:
                tests = record.data.get("tests", {})
                outcomes = [
                    o for t, o in tests.items() if t == b.test_id or t.startswith(f"{b.test_id}[")
                ]
                cells.append(
                    "not run"
                    if not outcomes
                    else "passed"
                    if all(o == "passed" for o in outcomes)
                    else "**failed**"
                )
            lines.append(
                f"    | {_cell(b.page, b.sentence)} | `{b.test}` | " + " | ".join(cells) + " |"
            )
        lines.append("")
    return lines


def _mine(found, build) -> tuple[str, str, records.Record | None]:
    """This build's release, device kind and record among ``found``."""
    release, kind = provenance.release(build), provenance.device_kind(build)
    mine = next((r for r in found if (r.release, r.device_kind) == (release, kind)), None)
    return release, kind, mine


def _preview(found, build, embeds) -> list[str]:
    """Records of a release newer than every supported one (the nightly row,
    `nox -s "matrix(nightly)"`), apart from the rows above: what the next
    release will change. Its failing tests with the sentences they guard,
    then each output that differs from this build's, with the changed lines."""
    supported = list(catalog.releases())
    newest = tuple(map(int, supported[-1].split(".")))
    previews = [
        r
        for r in found
        if r.release not in supported and tuple(map(int, r.release.split("."))) > newest
    ]
    if not previews:
        return []
    release, kind, mine = _mine(found, build)
    where = _chapter_of(embeds)
    lines = ["", "## Preview: the next release", ""]
    for record in previews:
        env, data = record.data["environment"], record.data
        version = env["tensorflow"]
        lines += [
            f"A run on TensorFlow {version} with Keras {env['keras']} "
            f"({data['date'][:10]}), a development build of the next release: it is not a "
            "supported release, nothing on the site is published from it, and its "
            "failures tell what that release will change. "
            f"Tests: {_outcome(data)}.",
            "",
        ]
        lines += _preview_failures(data, version)
        if mine is None:
            continue
        changed, diffs = [], []
        for key in sorted(mine.data["snippets"]):
            path, eager = key.removesuffix("#eager"), key.endswith("#eager")
            ours, theirs = mine.output(path, eager), record.output(path, eager)
            if path not in where or ours is None or catalog.is_timed(path):
                continue
            if theirs == ours:
                continue
            tab = " (Eager tab)" if eager else ""
            page = f"[{_title(where[path])}]({where[path]})"
            if theirs is None:
                error = (record.entry(path, eager) or {}).get("error") or "did not run"
                last = error.strip().splitlines()[-1].replace("|", "\\|")
                changed.append(f"| `{path}`{tab} | {page} | raised: `{last}` |")
                continue
            changed.append(f"| `{path}`{tab} | {page} | printed something else |")
            fence = records.diff_fence(
                ours,
                theirs,
                f"TensorFlow {mine.data['environment']['tensorflow']}",
                f"TensorFlow {version}",
            )
            diffs += ["", f"    `{path}`{tab}:", ""]
            diffs += [f"    {line}" if line else "" for line in fence.splitlines()]
        if not changed:
            lines += [f"Every output reads as on TensorFlow {release}.", ""]
            continue
        lines += [
            f"Outputs that differ from TensorFlow {release}'s (timed outputs are never compared):",
            "",
            f"| Snippet | Page | On TensorFlow {version} |",
            "| --- | --- | --- |",
            *changed,
            "",
        ]
        if diffs:
            lines += [f'??? note "The lines that change on TensorFlow {version}"', *diffs, ""]
    return lines


def _preview_failures(data: dict, version: str) -> list[str]:
    """A preview's failing tests, each with the sentences it guards: what
    would read wrong on the pages if they were built from that release."""
    failed = sorted(t for t, outcome in data["tests"].items() if outcome in ("failed", "error"))
    if not failed:
        return ["No test failed on it.", ""]
    checks = data.get("checks") or {}
    lines = [
        f'??? failure "{_count(len(failed), "test fails", "tests fail")} on TensorFlow {version}"',
        "",
        "    | Test | The sentences it checks |",
        "    | --- | --- |",
    ]
    for test in failed:
        bound = (checks.get(test.split("[")[0]) or {}).get("sentences") or []
        said = "<br>".join(f"{_title(page)}: {_cell(page, sentence)}" for page, sentence in bound)
        lines.append(f"    | `{test}` | {said or 'none (a pipeline test)'} |")
    return [*lines, ""]


def _cell(page: str, sentence: str) -> str:
    """A bound sentence as a table cell here, as written on its page: links
    within that page point there from Tested on."""
    return re.sub(r"\]\(#", f"]({page}#", sentence).replace("|", "\\|")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _chapter_of(embeds) -> dict[str, str]:
    """Snippet path -> the page that shows it, a chapter before
    Troubleshooting, which only quotes chapters."""
    where: dict[str, str] = {}
    for page, paths in sorted(embeds.items(), key=lambda item: item[0] == "troubleshooting.md"):
        for path in paths:
            where.setdefault(path, page)
    return where


def _execution(found, build, embeds) -> list[str]:
    """This build's runs, the slowest first: what a reader waits for when
    running a chapter, and where the build's time goes."""
    release, kind, mine = _mine(found, build)
    if mine is None:
        return ["This build's record is missing, so no run time can be shown."]
    where = _chapter_of(embeds)
    rows = []
    for key, entry in mine.data["snippets"].items():
        path, _, tab = key.partition("#")
        if path not in where:
            continue
        if entry.get("from_cache"):
            how = "from the author's cache"
        elif entry.get("timed"):
            how = "alone"
        elif tab == "plain" or catalog.runs_in_own_process(path):
            how = "in its own interpreter, beside other runs"
        else:
            how = "beside other runs"
        label = {"eager": " (Eager tab)", "plain": " (`python` run)"}.get(tab, "")
        rows.append((entry.get("seconds", 0.0), path, label, where[path], how))
    for name, notebook in (mine.data.get("notebooks") or {}).items():
        rows.append((notebook.get("seconds", 0.0), name, "", None, "alone"))
    rows.sort(key=lambda row: (-row[0], row[1], row[2]))
    total = sum(row[0] for row in rows)
    lines = [
        f"Every run of this build's record ({len(rows)} runs, {total:.0f} s of running in all),",
        "the slowest first. Benchmarks and notebooks run alone, with nothing beside them;",
        "the rest run in parallel worker processes, one per core.",
        "",
        "| Seconds | Example | Page | Ran |",
        "| ---: | --- | --- | --- |",
    ]
    for seconds, path, label, page, how in rows:
        shown = f"[{_title(page)}]({page})" if page else ""
        lines.append(f"| {seconds:.1f} | `{path}`{label} | {shown} | {how} |")
    return lines


def _differences(found, build, embeds) -> list[str]:
    release, kind, mine = _mine(found, build)
    if mine is None:
        return [
            f"There is no record for TensorFlow {release} on {kind.upper()}, the release this",
            "site was built with, so outputs cannot be compared here; each chapter",
            "still notes, under an output, where a recorded release printed something",
            "else.",
        ]
    supported = catalog.releases()
    found = [r for r in found if r.release in supported]  # a preview has its own section
    others = [r.release for r in found if r.release != release and r.device_kind == kind]
    if not others:
        return ["Only one release was recorded, so there is nothing to compare yet."]
    where = {path: page for page, paths in embeds.items() for path in paths}
    rows = []
    for key in sorted(mine.data["snippets"]):
        path, eager = key.removesuffix("#eager"), key.endswith("#eager")
        output = mine.output(path, eager)
        if output is None or path not in where:
            continue
        for releases, _ in records.differing(found, path, eager, output, release, kind):
            tab = " (Eager tab)" if eager else ""
            link = f"{where[path]}#{records.anchor(path, eager)}"
            rows.append(f"| [`{path}`]({link}){tab} | {records.span(releases)} |")
    compared = records.span(others)
    if not rows:
        return [f"No output differs between TensorFlow {release} and {compared}."]
    return [
        f"Compared with TensorFlow {compared}; timed outputs are never compared.",
        "",
        "| Snippet | Differs on TensorFlow |",
        "| --- | --- |",
        *rows,
    ]

"""The ``snippet`` fence: a page names a snippet file, the page shows its
source and the output its run recorded.

A page writes::

    ```snippet
    snippets/eager/tensors_are_values.py
    ```

and gets the file's source, titled with its path, followed by what running it
printed, read from this build's run record (:mod:`traced.records`, written by
``python -m traced run``): nothing runs while Markdown is rendered. The fence
is declared in ``mkdocs.yml`` (``pymdownx.superfences`` ``custom_fences``), so
any renderer that reads that file runs it, hooks or not. The options on
the fence line (:mod:`traced.fence_options` checks them, for the run step
before anything runs and here again when a page renders):

- ``compare="eager"``: show the run as written and the run with
  ``tf.config.run_functions_eagerly(True)`` in "tf.function | Eager" content
  tabs under the one source;
- ``diagram="name"`` (or several names, space-separated): after the output,
  the graph held by the snippet's global ``name`` (a concrete function,
  ``tf.Graph`` or ``GraphDef``), drawn as an SVG by the run step;
- ``show="output"``: only the output, titled with the snippet's path (for a
  page that quotes a message a chapter's snippet produces);
- ``timeout="600"``: seconds the snippet may run (default
  :data:`traced.fence_options.DEFAULT_TIMEOUT`);
- ``collapse="source"`` or ``collapse="output"``: that part in a collapsed
  block, for plumbing or long listings, so the result comes first;
- ``claims="none"``: an illustration; a line under the output says that
  nothing is claimed about it.

Under each output that claim tests read, a small closed block says how many
claims were checked on it and opens to each test's name (linked to its
source where the repository is known), its outcome on this run and the
sentences it guards (:mod:`traced.claims`).

The fence fails closed: anything wrong (an unknown or misspelled option, a
bad value, a missing file, no run record, a snippet missing from it or
changed since it was made, a snippet recorded as raising or running too
long, a diagram of a missing global, of a non-graph or of a graph too large
to draw) logs one warning naming the page, the snippet and the problem,
which fails ``mkdocs build --strict``, and the page gets a short notice,
never a traceback. pymdownx.superfences would render the raw fence as text
if the formatter raised, so it never does.

The fence only reads: it never runs a snippet. Under ``mkdocs serve``
(:data:`live`) the hooks (:mod:`traced.hooks`) rerun a snippet missing from
the record or edited since before its page renders, and :func:`offer` the
new entry here.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

import markdown_exec

from traced import catalog, claims, fence_options, provenance, records

root: Path = Path(os.environ.get("TRACED_ROOT", catalog.ROOT))
"""Where snippet paths are resolved: the checkout (``TRACED_ROOT`` for a fixture site)."""

page: str = "<page>"
"""The page being rendered, for messages (:mod:`traced.extension` sets it)."""

live: bool = False
"""``serve``: with no record yet, start from an empty one (the hooks fill it)."""

_log = logging.getLogger("mkdocs.plugins.traced")
_cached_here: list[str] = []
_loaded: dict = {}  # the record as last read: {"stamp", "data", "others"}
_rerun: dict[str, dict] = {}  # serve: entries rerun since the record was read, by key


def start_page(name: str) -> None:
    """The fences that follow belong to page ``name`` (for messages and provenance)."""
    global page
    page = name
    _cached_here.clear()


def cached_on_page() -> int:
    """How many outputs on the current page came from the author's run cache."""
    return len(_cached_here)


def offer(key: str, entry: dict) -> None:
    """A newer entry for ``key`` than the record holds (``serve`` reran it)."""
    _rerun[key] = entry


def stale(path: str, eager: bool, diagrams: tuple[str, ...]) -> str | None:
    """Why the record (with what was offered) cannot show this run, or None."""
    key = records.snippet_key(path, eager)
    try:
        entry = _rerun.get(key) or record()["snippets"].get(key)
    except FenceError as error:
        return str(error)
    if entry is None:
        return f"not in the run record {records.shown(records.current_path())}"
    if entry.get("digest") != catalog.digest(root, path):
        return "changed since the run record was made"
    if entry["error"] is None and set(diagrams) - set(entry["diagrams"]) - set(
        entry["diagram_errors"]
    ):
        return "the run record holds none of the diagrams asked for"
    return None


def forget() -> None:
    """Read the record again on next use, and drop live reruns (tests)."""
    _loaded.clear()
    _rerun.clear()


def record() -> dict:
    """This build's run record, read once and again whenever the file changes
    (``serve``); a FenceError when there is none to read, except under
    :data:`live`, where an empty one is filled as pages ask."""
    file = records.current_path()
    try:
        stamp = (str(file), file.stat().st_mtime_ns)
    except OSError:
        stamp = (str(file), None)
    if _loaded.get("stamp") != stamp:
        _rerun.clear()
        try:
            data = records.read(file)
        except records.RecordError as error:
            if not live:
                raise FenceError(f"no run record to render from: {error}") from None
            data = {"snippets": {}, "release": None, "device_kind": None, "environment": None}
        _loaded.update(stamp=stamp, data=data, others=_others(data))
    return _loaded["data"]


def environment() -> dict[str, str]:
    """What produced the outputs this build shows: the record's environment."""
    data = record()
    if data.get("environment"):
        return data["environment"]
    from traced import provenance  # live, with no record yet: this process

    return provenance.environment()


def _notes(path: str, eager: bool, output: str) -> str:
    """Collapsed notes under an output that other releases' records print
    differently."""
    data = record()
    if not data.get("release"):
        return ""
    return records.note(
        _loaded["others"], path, eager, output, data["release"], data["device_kind"]
    )


def _others(data: dict) -> list[records.Record]:
    """The other releases' and devices' records in ``results/``. A file
    there that is not a usable record logs one warning per build, naming
    it, which fails the strict build: evidence never goes missing quietly."""
    try:
        found = records.load()
    except records.RecordError as error:
        _log.warning("traced: results: %s", error)
        return []
    mine = (data.get("release"), data.get("device_kind"))
    supported = catalog.releases()  # a nightly preview is shown on Tested on alone
    return [r for r in found if (r.release, r.device_kind) != mine and r.release in supported]


FenceError = fence_options.FenceError


def validator(language: str, inputs: dict, options: dict, attrs: dict, md: Any) -> bool:
    """Accept every ``snippet`` fence; the formatter checks its options, where
    a problem can fail the build instead of falling back to plain text."""
    options["inputs"] = dict(inputs)
    options["attrs"] = dict(attrs)
    return True


def formatter(
    src: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any
) -> str:
    """Render the named snippet's source and its recorded output, or fail closed."""
    path = src.strip()
    global page
    page = getattr(md, "traced_page", page)
    try:
        spec = fence_options.parse(root, path, options.get("inputs", {}), options.get("attrs", {}))
        markdown = _render(**spec)
    except FenceError as error:
        _log.warning("traced: %s: snippet %s: %s", page, path or "(no path)", error)
        notice = str(error).splitlines()[0]
        return markdown_exec.MarkdownConverter(md).convert(
            f'!!! failure "Snippet `{path}` could not be shown"\n\n    {notice}'
        )
    return markdown_exec.base_format(
        language="python",
        run=lambda code, **_: markdown,
        code=path,
        md=md,
        html=False,
        source="",
        result="",
        extra={"title": path},
    )


def _render(
    path: str,
    diagrams: tuple[str, ...],
    compare: bool,
    only_output: bool,
    timeout: float,
    collapse: str,
    illustration: bool,
) -> str:
    run = _rendered(path, eager=False, diagrams=diagrams)
    run["illustration"] = illustration
    if only_output:
        return _output(run, title=f"Output of {path}") + "\n"
    source = _fence(_source(path), ".python", title=path)
    if collapse == "source":
        source = _collapsed(f"Source of {path}", source)
    parts = [source]
    if compare:
        eager = {**_rendered(path, eager=True, diagrams=()), "illustration": illustration}
        note = "Output with tf.config.run_functions_eagerly(True)"
        parts.append(
            markdown_exec.tabbed(
                ("tf.function", _output(run)), ("Eager", _output(eager, title=note))
            )
        )
    elif run["output"].strip():
        output = _output(run)
        parts.append(_collapsed("Output", output) if collapse == "output" else output)
    for number, svg in enumerate(run["figures"], 1):
        caption = (
            f"Figure {number} of <code>{path}</code>, drawn when this page was built: "
            "a chart of the measurements in the output above, which lists its data"
        )
        parts.append(_figure(svg, caption))
    for name in diagrams:
        caption = f"The graph of <code>{name}</code> in <code>{path}</code>, drawn at build time"
        parts.append(_figure(run["diagrams"][name], caption))
    return "\n\n".join(parts) + "\n"


def _rendered(path: str, *, eager: bool, diagrams: tuple[str, ...]) -> dict:
    """The snippet's recorded run (output, figures, diagrams), or a FenceError
    saying why the record cannot show it."""
    problem = stale(path, eager, diagrams)
    if problem:
        raise FenceError(f"{problem}: run `python -m traced run` first")
    key = records.snippet_key(path, eager)
    entry = _rerun.get(key) or record()["snippets"][key]
    if entry["error"] is not None:
        last_line = entry["error"].strip().splitlines()[-1]
        traceback = "\n".join("    " + line for line in entry["error"].strip().splitlines())
        raise FenceError(f"raised {last_line}\n{traceback}")
    for name in diagrams:
        if name in entry["diagram_errors"]:
            raise FenceError(entry["diagram_errors"][name])
    if entry.get("from_cache"):
        _cached_here.append(path)
    return {**entry, "path": path, "eager": eager}


def _collapsed(title: str, body: str) -> str:
    """A closed pymdownx.details block: the reader opens it if they want it."""
    indented = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
    return f'??? example "{title}"\n\n{indented}'


def _source(path: str) -> str:
    return (root / path).read_text(encoding="utf-8")


def _figure(svg: str, caption: str) -> str:
    # One line, no blank lines: Markdown keeps a raw HTML block intact.
    svg = re.sub(r"\n\s*", " ", svg)
    # Focusable: on a narrow screen the figure scrolls sideways, by keyboard too.
    return (
        f'<figure class="traced-figure" tabindex="0">{svg}'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _output(run: dict, title: str = "Output") -> str:
    block = _fence(run["output"] or "(no output)", ".text .traced-output", title=title)
    block += _notes(run["path"], run["eager"], run["output"])
    if run.get("illustration"):
        block += (
            "\n\nAn illustration, shown for reading: no claim on this page is "
            "checked against this output.\n{ .traced-illustration }"
        )
    return block + _checked_mark(run)


def _seconds(entry: dict) -> str:
    """How long the run took, as the line under an output says it."""
    if entry.get("from_cache"):
        return "from the author's run cache"
    how = " alone" if entry.get("timed") else ""
    return f"ran{how} in {entry.get('seconds', 0.0):.1f} s"


def _checked_mark(run: dict) -> str:
    """A quiet line under an output (``run``, its record entry): how long its
    run took and how many claims were checked on it on this run. Where claims
    read it, the line is a closed block opening to each test (linked to its
    source), its outcome and the sentences it guards."""
    took = _seconds(run)
    found = claims.checks_on(record(), records.snippet_key(run["path"], run["eager"]))
    if not found:
        return f"\n\n{took[0].upper()}{took[1:]}.\n{{ .traced-runtime }}"
    failed = sum(check["outcome"] != "passed" for check in found)
    title = f"{len(found)} claim{'s' if len(found) != 1 else ''} checked on this output"
    if failed:
        title += f", {failed} not passed"
    title += f"; {took}"
    here = page.removeprefix("docs/")
    items = []
    for check in found:
        file, _, name = check["test"].partition("::")
        url = provenance.source_url(file, check["line"])
        test = f"[`{name}`]({url})" if url else f"`{name}`"
        items.append(f"- {test}, {check['outcome']}, guards:")
        items += [
            (f"    - “{sentence}”" if where == here else f"    - “{sentence}” (on {where})")
            for where, sentence in check["sentences"]
        ] or ["    - no sentence"]
    body = "\n".join(f"    {line}" for line in items)
    return f'\n\n??? traced-claims "{title}"\n\n{body}'


def _fence(body: str, classes: str, title: str) -> str:
    """A titled code block whose fence is longer than any backtick run inside it."""
    longest = max((len(ticks) for ticks in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f'{ticks}{{ {classes} title="{title}" }}\n{body.rstrip()}\n{ticks}'

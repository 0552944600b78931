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
any renderer that reads that file runs it, hooks or not. Five options go on
the fence line:

- ``compare="eager"``: show the run as written and the run with
  ``tf.config.run_functions_eagerly(True)`` in "tf.function | Eager" content
  tabs under the one source;
- ``diagram="name"`` (or several names, space-separated): after the output,
  the graph held by the snippet's global ``name`` (a concrete function,
  ``tf.Graph`` or ``GraphDef``), drawn as an SVG by the run step;
- ``show="output"``: only the output, titled with the snippet's path (for a
  page that quotes a message a chapter's snippet produces);
- ``timeout="600"``: seconds the snippet may run (default
  :data:`traced.runner.DEFAULT_TIMEOUT`);
- ``collapse="source"`` or ``collapse="output"``: that part in a collapsed
  block, for plumbing or long listings, so the result comes first.

The fence fails closed: anything wrong (an unknown or misspelled option, a
bad value, a missing file, no run record, a snippet missing from it or
changed since it was made, a snippet recorded as raising or running too
long, a diagram of a missing global, of a non-graph or of a graph too large
to draw) logs one warning naming the page, the snippet and the problem,
which fails ``mkdocs build --strict``, and the page gets a short notice,
never a traceback. pymdownx.superfences would render the raw fence as text
if the formatter raised, so it never does.

Under ``mkdocs serve`` (:data:`live`), a snippet missing from the record or
edited since is run here and then rendered (through the author's cache), so
a prose edit re-renders and a snippet edit reruns only that snippet.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
from pathlib import Path
from typing import Any

import markdown_exec

from traced import catalog, records, runner

OPTIONS = ("collapse", "compare", "diagram", "show", "timeout")

root: Path = Path(os.environ.get("TRACED_ROOT", catalog.ROOT))
"""Where snippet paths are resolved: the checkout (``TRACED_ROOT`` for a fixture site)."""

page: str = "<page>"
"""The page being rendered, for messages (:mod:`traced.extension` sets it)."""

live: bool = False
"""Run what the record lacks, or holds stale, instead of failing: ``serve`` only."""

_log = logging.getLogger("mkdocs.plugins.traced")
_cached_here: list[str] = []
_loaded: dict = {}  # the record as last read: {"stamp", "data", "others"}
_rerun: dict[str, dict] = {}  # live reruns since: key -> entry


def start_page(name: str) -> None:
    """The fences that follow belong to page ``name`` (for messages and provenance)."""
    global page
    page = name
    _cached_here.clear()


def cached_on_page() -> int:
    """How many outputs on the current page came from the author's run cache."""
    return len(_cached_here)


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
    return [r for r in found if (r.release, r.device_kind) != mine]


class FenceError(Exception):
    """A fence that cannot be shown as written: the build must fail."""


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
        spec = _parse(path, options.get("inputs", {}), options.get("attrs", {}))
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


def _parse(path: str, inputs: dict, attrs: dict) -> dict:
    """The fence's options, checked: every problem is a FenceError."""
    if not path or len(path.split()) != 1:
        raise FenceError("the fence must hold exactly one snippet path, on one line")
    unknown = sorted(set(inputs) - set(OPTIONS)) + sorted(attrs)
    if unknown:
        hints = [difflib.get_close_matches(name, OPTIONS, n=1) for name in unknown]
        said = ", ".join(
            f"`{name}`" + (f" (did you mean `{hint[0]}`?)" if hint else "")
            for name, hint in zip(unknown, hints, strict=True)
        )
        raise FenceError(f"unknown option {said}; the options are {', '.join(OPTIONS)}")
    compare, show = inputs.get("compare", ""), inputs.get("show", "")
    if compare not in ("", "eager"):
        raise FenceError(f'compare="{compare}" is not an option value; use compare="eager"')
    if show not in ("", "output"):
        raise FenceError(f'show="{show}" is not an option value; use show="output"')
    diagrams = tuple(inputs.get("diagram", "").split())
    for name in diagrams:
        if not name.isidentifier():
            raise FenceError(f'diagram="{name}" must name a global of the snippet')
    collapse = inputs.get("collapse", "")
    if collapse not in ("", "source", "output"):
        raise FenceError(f'collapse="{collapse}" is not an option value; use "source" or "output"')
    if show and (compare or diagrams or collapse):
        raise FenceError('show="output" shows only the output: drop the other options')
    try:
        timeout = float(inputs.get("timeout", runner.DEFAULT_TIMEOUT))
    except ValueError:
        timeout = -1.0
    if not timeout > 0:
        raise FenceError(f'timeout="{inputs["timeout"]}" must be a positive number of seconds')
    file = (root / path).resolve()
    if Path(path).is_absolute() or not file.is_relative_to(root.resolve()):
        raise FenceError("the path must be relative to the project, inside it")
    if not file.is_file():
        raise FenceError("no such file")
    if (compare or diagrams) and catalog.runs_in_own_process(path):
        raise FenceError("it runs in its own process: no compare= or diagram= for it")
    return {
        "path": path,
        "diagrams": diagrams,
        "compare": bool(compare),
        "only_output": bool(show),
        "timeout": timeout,
        "collapse": collapse,
    }


def _render(
    path: str,
    diagrams: tuple[str, ...],
    compare: bool,
    only_output: bool,
    timeout: float,
    collapse: str,
) -> str:
    run = _rendered(path, eager=False, diagrams=diagrams, timeout=timeout)
    if only_output:
        return _output(run, title=f"Output of {path}") + "\n"
    source = _fence(_source(path), ".python", title=path)
    if collapse == "source":
        source = _collapsed(f"Source of {path}", source)
    parts = [source]
    if compare:
        eager = _rendered(path, eager=True, diagrams=(), timeout=timeout)
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


def _rendered(path: str, *, eager: bool, diagrams: tuple[str, ...], timeout: float) -> dict:
    """The snippet's recorded run (output, figures, diagrams), or a FenceError
    saying why the record cannot show it."""
    key = records.snippet_key(path, eager)
    entry = _rerun.get(key) or record()["snippets"].get(key)
    problem = None
    if entry is None:
        problem = f"not in the run record {records.shown(records.current_path())}"
    elif entry.get("digest") != catalog.digest(root, path):
        problem = "changed since the run record was made"
    elif entry["error"] is None and set(diagrams) - set(entry["diagrams"]) - set(
        entry["diagram_errors"]
    ):
        problem = "the run record holds none of the diagrams asked for"
    if problem and live:
        from traced import execute

        task = execute.Task(path, eager, diagrams, timeout)
        _log.info("traced: running %s (%s)", task.label, problem)
        entry = _rerun[key] = execute.perform(task, root)
        _log.info("traced: %s %s in %.1f s", task.label, "ran", entry["seconds"])
    elif problem:
        raise FenceError(f"{problem}: run `python -m traced run` first")
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
    return block + _notes(run["path"], run["eager"], run["output"])


def _fence(body: str, classes: str, title: str) -> str:
    """A titled code block whose fence is longer than any backtick run inside it."""
    longest = max((len(ticks) for ticks in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f'{ticks}{{ {classes} title="{title}" }}\n{body.rstrip()}\n{ticks}'

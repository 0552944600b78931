"""The ``snippet`` fence: a page names a snippet file, the build runs it.

A page writes::

    ```snippet
    snippets/eager/tensors_are_values.py
    ```

and gets the file's source, titled with its path, followed by what running it
printed. Five options go on the fence line:

- ``compare="eager"``: run the snippet twice, once as written and once with
  ``tf.config.run_functions_eagerly(True)``, and show both outputs in
  "tf.function | Eager" content tabs under the one source;
- ``diagram="name"`` (or several names, space-separated): after the output,
  draw the graph held by the snippet's global ``name`` (a concrete function,
  ``tf.Graph`` or ``GraphDef``) as an SVG;
- ``show="output"``: only the output, titled with the snippet's path (for a
  page that quotes a message a chapter's snippet produces);
- ``timeout="600"``: seconds the snippet may run (default
  :data:`traced.runner.DEFAULT_TIMEOUT`);
- ``collapse="source"`` or ``collapse="output"``: that part in a collapsed
  block, for plumbing or long listings, so the result comes first.

The fence fails closed: anything wrong (an unknown or misspelled option, a
bad value, a missing file, a snippet that raises or runs too long, a diagram
of a missing global, of a non-graph or of a graph too large to draw) logs
one warning naming the page, the snippet and the problem, which fails
``mkdocs build --strict``, and the page gets a short notice, never a
traceback. pymdownx.superfences would render the raw fence as text if the
formatter raised, so it never does.
"""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path
from typing import Any

import markdown_exec

from traced import cache, catalog, diagram, runner

OPTIONS = ("collapse", "compare", "diagram", "show", "timeout")

root: Path = catalog.ROOT
"""Where snippet paths are resolved; the MkDocs hook sets it to the config's folder."""

page: str = "<page>"
"""The page being rendered, for messages; the MkDocs hook sets it."""

differences = None
"""Optional ``(path, eager, output) -> markdown`` adding notes under an
output (the release records set it); None adds nothing."""

_log = logging.getLogger("mkdocs.plugins.traced")
_cached_here: list[str] = []


def start_page(name: str) -> None:
    """The fences that follow belong to page ``name`` (for messages and provenance)."""
    global page
    page = name
    _cached_here.clear()


def cached_on_page() -> int:
    """How many outputs on the current page came from the disk cache."""
    return len(_cached_here)


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
    """Run the named snippet and render its source and output, or fail closed."""
    path = src.strip()
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
    elif run.output.strip():
        output = _output(run)
        parts.append(_collapsed("Output", output) if collapse == "output" else output)
    for number, svg in enumerate(run.figures, 1):
        caption = f"Figure {number} of <code>{path}</code>, drawn when this page was built"
        parts.append(_figure(svg, caption))
    for name in diagrams:
        caption = f"The graph of <code>{name}</code> in <code>{path}</code>, drawn at build time"
        parts.append(_figure(run.diagrams[name], caption))
    return "\n\n".join(parts) + "\n"


def _rendered(path: str, *, eager: bool, diagrams: tuple[str, ...], timeout: float):
    """The snippet's output, figures and diagrams: from the disk cache when
    it holds them under today's key, else from a run, then stored."""
    cache_key = cache.key(root, path, eager=eager, diagrams=diagrams)
    entry = cache.load(cache_key)
    if entry is not None:
        _cached_here.append(path)
        return entry
    run = cache.run(path, root, eager=eager, timeout=timeout)
    if not run.ok:
        last_line = run.error.strip().splitlines()[-1]
        traceback = "\n".join("    " + line for line in run.error.strip().splitlines())
        raise FenceError(f"raised {last_line}\n{traceback}")
    entry = cache.Entry(
        path=path,
        eager=eager,
        output=run.output,
        figures=run.figures,
        diagrams={name: _draw(run, name, path) for name in diagrams},
        seconds=run.seconds,
        created=cache.now(),
    )
    cache.save(cache_key, entry)
    return entry


def _draw(run, name: str, path: str) -> str:
    if name not in run.namespace:
        raise FenceError(f"diagram: the snippet defines no global `{name}` to draw")
    title = f"The graph of {name} in {path}, drawn at build time"
    try:
        return diagram.svg(run.namespace[name], title)
    except (TypeError, ValueError) as error:
        raise FenceError(f"diagram `{name}`: {error}") from None


def _collapsed(title: str, body: str) -> str:
    """A closed pymdownx.details block: the reader opens it if they want it."""
    indented = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
    return f'??? example "{title}"\n\n{indented}'


def _source(path: str) -> str:
    return (root / path).read_text(encoding="utf-8")


def _figure(svg: str, caption: str) -> str:
    # One line, no blank lines: Markdown keeps a raw HTML block intact.
    svg = re.sub(r"\n\s*", " ", svg)
    return f'<figure class="traced-figure">{svg}<figcaption>{caption}</figcaption></figure>'


def _output(run, title: str = "Output") -> str:
    block = _fence(run.output or "(no output)", ".text .traced-output", title=title)
    if differences is not None:
        block += differences(run.path, run.eager, run.output)
    return block


def _fence(body: str, classes: str, title: str) -> str:
    """A titled code block whose fence is longer than any backtick run inside it."""
    longest = max((len(ticks) for ticks in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f'{ticks}{{ {classes} title="{title}" }}\n{body.rstrip()}\n{ticks}'

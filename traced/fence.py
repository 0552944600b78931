"""The ``snippet`` fence: a page names a snippet file, the build runs it.

A page writes::

    ```snippet
    snippets/eager/tensors_are_values.py
    ```

and gets the file's source, titled with its path, followed by what running it
printed. Two options go on the fence line:

- ``diagram="name"`` (or several names, space-separated): after the output,
  draw the graph held by the snippet's global ``name`` (a concrete function,
  ``tf.Graph`` or ``GraphDef``) as an SVG;
- ``compare="eager"``: run the snippet twice, once as written and once with
  ``tf.config.run_functions_eagerly(True)``, and show both outputs in
  "tf.function | Eager" content tabs under the one source;
- ``show="output"``: only the output, titled with the snippet's path (for a
  page that quotes a message a chapter's snippet produces).

A snippet embedded on several pages runs once per build: runs are cached
until the next build starts (see :func:`forget_runs`).
 Execution goes through markdown-exec's public API (``validator``,
``base_format``, ``ExecutionError``), which also makes a failing snippet a
build warning that names the file, so ``mkdocs build --strict`` fails on it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import markdown_exec

from traced import diagram, runner

EMBED = re.compile(r"^[ \t]*```snippet\b[^\n]*\n[ \t]*(?P<path>\S+)[ \t]*\n[ \t]*```", re.M)
"""A snippet fence in a page; tests and hooks find embeds with it."""

root: Path = runner.ROOT
"""Where snippet paths are resolved; the MkDocs hook sets it to the config's folder."""

_log = logging.getLogger("mkdocs.plugins.traced")
_runs: dict[tuple[str, bool], runner.SnippetRun] = {}


def forget_runs() -> None:
    """Start a build afresh: every snippet runs again."""
    _runs.clear()


def embedded_paths(markdown: str) -> list[str]:
    """The snippet paths a page embeds, in page order."""
    return [match["path"] for match in EMBED.finditer(markdown)]


def validator(language: str, inputs: dict, options: dict, attrs: dict, md: Any) -> bool:
    """Accept every ``snippet`` fence: running is the point of it."""
    inputs["exec"] = "true"
    return markdown_exec.validator(language, inputs, options, attrs, md)


def formatter(
    src: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any
) -> str:
    """Run the named snippet and render its source and output."""
    path = src.strip()
    extra = dict(options.get("extra", {}))
    diagrams = extra.pop("diagram", "").split()
    compare = extra.pop("compare", "")
    show = extra.pop("show", "")
    if compare not in ("", "eager") or show not in ("", "output"):
        raise ValueError(f'{path}: only compare="eager" and show="output" are supported')
    options = {**options, "html": False, "source": "", "result": "", "extra": {"title": path}}

    def render(code: str, **_: Any) -> str:
        if show:
            return _output(_checked_run(code), title=f"Output of {code}")
        return _render(code, diagrams=diagrams, compare=bool(compare))

    return markdown_exec.base_format(language="python", run=render, code=path, md=md, **options)


def _render(path: str, diagrams: list[str], compare: bool) -> str:
    run = _checked_run(path)
    parts = [_fence(run.source, ".python", title=path)]
    if compare:
        eager = _checked_run(path, eager=True)
        parts.append(_tab("tf.function", _output(run)))
        note = "Output with tf.config.run_functions_eagerly(True)"
        parts.append(_tab("Eager", _output(eager, title=note)))
    elif run.output.strip():
        parts.append(_output(run))
    for number, svg in enumerate(run.figures, 1):
        caption = f"Figure {number} of <code>{path}</code>, drawn when this page was built"
        parts.append(_figure(svg, caption))
    for name in diagrams:
        if name not in run.namespace:
            raise markdown_exec.ExecutionError(f"`{path}` defines no `{name}` to draw")
        caption = f"The graph of <code>{name}</code> in <code>{path}</code>, drawn at build time"
        parts.append(figure(run.namespace[name], caption))
    return "\n\n".join(parts) + "\n"


def _checked_run(path: str, eager: bool = False) -> runner.SnippetRun:
    if not (root / path).is_file():
        raise markdown_exec.ExecutionError(f"Snippet file not found: `{path}`")
    if (path, eager) not in _runs:
        _runs[path, eager] = runner.run_snippet(path, root=root, eager=eager)
    run = _runs[path, eager]
    if not run.ok:
        # The traceback goes to the build log only; the page (seen only in a
        # non-strict preview) gets a short notice, never a traceback.
        _log.error("snippet %s raised:\n%s", path, run.error)
        last_line = run.error.strip().splitlines()[-1]
        raise markdown_exec.ExecutionError(
            f'!!! failure "Snippet `{path}` failed to run"\n\n'
            f"    `{last_line}`. The traceback is in the build log."
        )
    return run


def figure(graph: Any, caption: str) -> str:
    """An inline SVG diagram of ``graph`` with an HTML caption, as one raw HTML block."""
    return _figure(diagram.svg(graph, re.sub(r"<[^>]+>", "", caption)), caption)


def _figure(svg: str, caption: str) -> str:
    # One line, no blank lines: Markdown keeps a raw HTML block intact.
    svg = re.sub(r"\n\s*", " ", svg)
    return f'<figure class="traced-figure">{svg}<figcaption>{caption}</figcaption></figure>'


def _output(run: runner.SnippetRun, title: str = "Output") -> str:
    return _fence(run.output or "(no output)", ".text .traced-output", title=title)


def _tab(label: str, body: str) -> str:
    return f'=== "{label}"\n\n' + "\n".join(
        f"    {line}" if line else "" for line in body.split("\n")
    )


def _fence(body: str, classes: str, title: str) -> str:
    """A titled code block whose fence is longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f'{ticks}{{ {classes} title="{title}" }}\n{body.rstrip()}\n{ticks}'

"""The ``snippet`` fence: a page names a snippet file, the build runs it.

A page writes::

    ```snippet
    snippets/eager/tensors_are_values.py
    ```

and gets the file's source, titled with its path, followed by what running it
printed. Execution goes through markdown-exec's public API (``validator``,
``base_format``, ``ExecutionError``), which also makes a failing snippet a
build warning that names the file, so ``mkdocs build --strict`` fails on it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import markdown_exec

from traced import runner

EMBED = re.compile(r"^[ \t]*```snippet[ \t]*\n[ \t]*(?P<path>\S+)[ \t]*\n[ \t]*```", re.M)
"""A snippet fence in a page; tests and hooks find embeds with it."""

root: Path = runner.ROOT
"""Where snippet paths are resolved; the MkDocs hook sets it to the config's folder."""

_log = logging.getLogger("mkdocs.plugins.traced")


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
    options = {**options, "html": False, "source": "", "result": ""}
    options["extra"] = {**options.get("extra", {}), "title": path}
    return markdown_exec.base_format(language="python", run=_render, code=path, md=md, **options)


def _render(path: str, **_: Any) -> str:
    if not (root / path).is_file():
        raise markdown_exec.ExecutionError(f"Snippet file not found: `{path}`")
    run = runner.run_snippet(path, root=root)
    if not run.ok:
        # The traceback goes to the build log only; the page (seen only in a
        # non-strict preview) gets a short notice, never a traceback.
        _log.error("snippet %s raised:\n%s", path, run.error)
        last_line = run.error.strip().splitlines()[-1]
        raise markdown_exec.ExecutionError(
            f'!!! failure "Snippet `{path}` failed to run"\n\n'
            f"    `{last_line}`. The traceback is in the build log."
        )
    parts = [_fence(run.source, ".python", title=path)]
    if run.output.strip():
        parts.append(_fence(run.output, ".text .traced-output", title="Output"))
    return "\n\n".join(parts) + "\n"


def _fence(body: str, classes: str, title: str) -> str:
    """A titled code block whose fence is longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f'{ticks}{{ {classes} title="{title}" }}\n{body.rstrip()}\n{ticks}'

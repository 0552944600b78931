"""The ``snippet`` fence's options: one job, what a fence line may say and
whether it says it right.

Both sides of the build check a fence with :func:`parse`: the run step
checks every fence on every page before it runs anything (so a bad fence
fails in seconds, all of them named at once), and the fence checks its own
when a page renders (for a renderer that runs without the run step).

The options:

- ``compare="eager"``: the run as written and with
  ``tf.config.run_functions_eagerly(True)``, in "tf.function | Eager" tabs;
- ``diagram="name"`` (several names, space-separated): the graph held by the
  snippet's global ``name``, drawn as an SVG;
- ``show="output"``: only the output (a page quoting another chapter's
  snippet);
- ``timeout="600"``: seconds the snippet may run (default
  :data:`DEFAULT_TIMEOUT`);
- ``collapse="source"`` or ``collapse="output"``: that part in a closed block;
- ``claims="none"``: the output is an illustration with nothing claimed
  about it; the page says so under it, and the mutation check
  (:mod:`traced.mutate`) does not ask a claim to catch its changes.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from traced import catalog

OPTIONS = ("claims", "collapse", "compare", "diagram", "show", "timeout")

DEFAULT_TIMEOUT = 300.0
"""Seconds a snippet may run unless its fence says otherwise."""


class FenceError(Exception):
    """A fence that cannot be shown as written: the build must fail."""


def parse(root: Path, path: str, inputs: dict, attrs: dict | None = None) -> dict:
    """The fence's options, checked: every problem is a FenceError."""
    attrs = attrs or {}
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
    claims = inputs.get("claims", "")
    if claims not in ("", "none"):
        raise FenceError(f'claims="{claims}" is not an option value; use claims="none"')
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
        timeout = float(inputs.get("timeout", DEFAULT_TIMEOUT))
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
        "illustration": claims == "none",
    }


def problems(root: Path, docs: Path) -> list[str]:
    """Every fence problem on every page under ``docs``, one line each naming
    the page and the snippet: what the run step checks before it runs."""
    found = []
    for page, fences in catalog.page_fences(docs).items():
        for path, options in fences:
            try:
                parse(root, path, options)
            except FenceError as error:
                found.append(f"docs/{page}: snippet {path}: {error}")
    return found

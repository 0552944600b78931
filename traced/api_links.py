"""API names in the prose, linked to the API reference: one job.

Inline code that names a public TensorFlow or Keras symbol (`tf.function`,
`tf.data.Dataset.map`, `keras.Model.fit`) links to its page in TensorFlow's
API reference on tensorflow.org, which documents Keras too (as `tf.keras`).
The run step resolves every such name the pages use, in a worker that has
imported the release it runs (:func:`resolve`), and records the links; the
Markdown extension adds exactly those. A name that does not resolve in that
release, or whose reference page cannot be told, stays plain text.

The reference's URLs follow the symbol's canonical name (the first of its
exported names: `tf.Assert` is documented at `tf/debugging/Assert`);
members of a class are anchors on the class's page (`tf/data/Dataset#map`);
`tf.compat.v1` symbols are documented under `tf/compat/v1/` by their v1 names.
Nothing is fetched: a link is only ever built from the installed release.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

REFERENCE = "https://www.tensorflow.org/api_docs/python/"

NAME = re.compile(r"((?:tf|keras)(?:\.[A-Za-z_]\w*)+)(?:\(.*\))?")
"""Inline code that may name an API symbol: ``tf.x.y`` or ``keras.x``, or a
call of one (``tf.config.run_functions_eagerly(True)`` links to
``run_functions_eagerly``)."""

_INLINE = re.compile(r"(?<![`\w])`([^`\n]+)`(?!`)")
_FENCE = re.compile(r"^[ \t]*```.*?^[ \t]*```[ \t]*$", re.M | re.S)


def names_in(docs: Path) -> list[str]:
    """Every API-looking name in the pages' inline code (code blocks aside)."""
    found = set()
    for page in sorted(docs.rglob("*.md")):
        text = _FENCE.sub("", page.read_text(encoding="utf-8"))
        for code in _INLINE.findall(text):
            match = NAME.fullmatch(code.strip())
            if match:
                found.add(match.group(1))
    return sorted(found)


def resolve(names: list[str]) -> dict[str, str]:
    """{name: reference URL} for the names that resolve in the installed
    release (TensorFlow imported)."""
    import keras
    import tensorflow as tf

    links = {}
    for name in names:
        url = _url(tf, keras, name)
        if url:
            links[name] = url
    return links


def _canonical(obj) -> str | None:
    """The name TensorFlow's reference documents ``obj`` under, if exported."""
    for candidate in (obj, inspect.unwrap(obj) if callable(obj) else obj):
        names = getattr(candidate, "_tf_api_names", None)
        if names:
            return names[0]
    return None


def _url(tf, keras, name: str) -> str | None:
    root, *parts = name.split(".")
    chain = [tf if root == "tf" else keras]
    for part in parts:
        try:
            chain.append(getattr(chain[-1], part))
        except AttributeError:
            return None  # not in this release: no link
    if root == "keras" and _follow(tf.keras, parts) is not chain[-1]:
        return None  # documented on tensorflow.org as tf.keras: only the very same object
    v1 = _v1_page(parts, chain[-1])
    if v1 is not None:
        return REFERENCE + v1
    page = _page(root, chain[-1], parts, chain[-2])
    if page is not None:
        return REFERENCE + page
    owner = chain[-2]  # a member of a class: an anchor on the class's page
    if len(chain) > 2 and inspect.isclass(owner):
        owner_page = _page(root, owner, parts[:-1], chain[-3])
        if owner_page is not None:
            return f"{REFERENCE}{owner_page}#{parts[-1]}"
    return None


def _v1_page(parts: list[str], obj) -> str | None:
    """The page of a ``tf.compat.v1`` symbol, written as one of its v1 names
    (``_tf_api_names_v1``: v1-only symbols have no other): the reference
    documents each under ``tf/compat/v1/``, its other v1 names as aliases."""
    written = ".".join(parts[2:])
    if parts[:2] != ["compat", "v1"] or not written:
        return None
    for candidate in (obj, inspect.unwrap(obj) if callable(obj) else obj):
        if written in (getattr(candidate, "_tf_api_names_v1", None) or ()):
            return "tf/compat/v1/" + written.replace(".", "/")
    return None


def _follow(obj, parts: list[str]):
    for part in parts:
        obj = getattr(obj, part, None)
    return obj


def _page(root: str, obj, parts: list[str], owner) -> str | None:
    """The reference page of ``obj``, written ``root.parts``, if it has one of
    its own: a module, or a class or function that is not a class member
    (TensorFlow's under its canonical name, Keras's as written)."""
    if inspect.ismodule(obj):
        return f"tf/{'keras/' if root == 'keras' else ''}{'/'.join(parts)}"
    if inspect.isclass(owner) or not callable(obj):
        return None
    if root == "keras":
        own = inspect.isclass(obj) or inspect.isfunction(obj)
        return "tf/keras/" + "/".join(parts) if own else None
    canonical = _canonical(obj)
    return "tf/" + canonical.replace(".", "/") if canonical else None

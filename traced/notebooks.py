"""Execute the site's notebooks: one job, turning a notebook into the
executed copy that mkdocs-jupyter renders and offers for download.

The build runs each notebook here rather than in mkdocs-jupyter so that it
follows the snippets' rules: outputs cleaned like every other output (no C++
log lines, no machine paths), the same cache key (mkdocs-jupyter's own cache
keys on the notebook's bytes only, not on the TensorFlow version), progress
on the console, and a failing cell that fails the build naming the page.
The kernel runs in ``snippets/performance``, so the notebook imports the same
``bench.py`` the chapter's snippets use; the site offers it beside the
notebook.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from traced import cache, catalog
from traced.cleaning import clean

KERNEL_DIR = catalog.ROOT / "snippets" / "performance"
"""Where notebook kernels start, so ``import bench`` finds the chapter's helper."""

_log = logging.getLogger("mkdocs.plugins.traced")


class NotebookError(Exception):
    """A notebook cell raised: the build must fail."""


def key(notebook: Path) -> str:
    def digest(file: Path) -> str:
        return hashlib.sha256(file.read_bytes()).hexdigest()

    modules = [[m.name, digest(m)] for m in sorted(KERNEL_DIR.glob("*.py"))]
    parts = {"notebook": digest(notebook), "modules": modules, **cache.environment_parts()}
    return cache.address(parts)


def executed(notebook: Path, src_uri: str) -> Path:
    """The executed, cleaned copy of ``notebook`` (``src_uri`` as the site
    names it), from the cache when allowed, else run now."""
    cache_key = key(notebook)
    target = cache.directory() / "notebooks" / cache_key / src_uri
    if cache.mode() == "use" and target.is_file():
        cache.stats.cached += 1
        _log.info("traced: %s from cache", src_uri)
        return target
    _log.info("traced: running %s", src_uri)
    began = time.perf_counter()
    text = run(notebook)
    seconds = time.perf_counter() - began
    cache.stats.ran += 1
    cache.stats.seconds += seconds
    _log.info("traced: %s ok in %.1f s", src_uri, seconds)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def run(notebook: Path) -> str:
    """Execute ``notebook`` in a fresh kernel; its JSON with cleaned outputs."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(KERNEL_DIR)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        raise NotebookError(str(error).strip().splitlines()[-1]) from None
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.outputs:
            if output.output_type == "stream":
                output.text = clean(output.text)
                if not output.text.strip():
                    continue  # only log lines were there
            kept.append(output)
        cell.outputs = kept
        cell.metadata.pop("execution", None)  # timestamps: builds would differ
    return nbformat.writes(nb)

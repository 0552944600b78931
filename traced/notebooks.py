"""Execute the site's notebooks: one job, turning each notebook under
``notebooks/`` into the executed copy that the site renders and offers for
download, ``docs/notebooks/<name>.ipynb`` (generated, never committed).

The run step calls this after the snippets, with nothing else running
beside it (the benchmark notebook measures time). It follows the snippets'
rules: outputs cleaned like every other output (no C++ log lines, no machine
paths), the run cache's key (mkdocs-jupyter's own cache keys on the
notebook's bytes only, not on the TensorFlow version), progress on the
console, and a failing cell recorded as the notebook's error, which fails
the build naming the page. The kernel runs in ``snippets/performance``, so
the notebook imports the same ``bench.py`` the chapter's snippets use; the
copy of ``bench.py`` beside the executed notebook is offered with it.
"""

from __future__ import annotations

import hashlib
import html
import logging
import shutil
import time
from pathlib import Path

from traced import cache

_log = logging.getLogger("mkdocs.plugins.traced")


class NotebookError(Exception):
    """A notebook cell raised: the build must fail."""


def kernel_dir(root: Path) -> Path:
    """Where notebook kernels start, so ``import bench`` finds the chapter's helper."""
    return root / "snippets" / "performance"


def key(notebook: Path, root: Path) -> str:
    def digest(file: Path) -> str:
        return hashlib.sha256(file.read_bytes()).hexdigest()

    modules = [[m.name, digest(m)] for m in sorted(kernel_dir(root).glob("*.py"))]
    parts = {"notebook": digest(notebook), "modules": modules, **cache.environment_parts()}
    return cache.address(parts)


def execute_all(root: Path, docs: Path, stats: cache.Stats) -> dict[str, dict]:
    """Execute every ``root/notebooks/*.ipynb`` into ``docs/notebooks/``;
    ``{"notebooks/<name>.ipynb": {"error", "seconds", "from_cache"}}``."""
    done: dict[str, dict] = {}
    sources = sorted((root / "notebooks").glob("*.ipynb"))
    for notebook in sources:
        src_uri = f"notebooks/{notebook.name}"
        target = docs / src_uri
        stored = cache.directory() / "notebooks" / key(notebook, root) / notebook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if cache.mode() == "use" and stored.is_file():
            shutil.copyfile(stored, target)
            stats.cached += 1
            _log.info("traced: %s from cache", src_uri)
            done[src_uri] = {"error": None, "seconds": 0.0, "from_cache": True}
            continue
        _log.info("traced: running %s (alone)", src_uri)
        began = time.perf_counter()
        error = None
        try:
            text = run(notebook, kernel_dir(root))
        except NotebookError as failure:
            error, text = str(failure), None
        seconds = time.perf_counter() - began
        stats.ran += 1
        stats.seconds += seconds
        _log.info("traced: %s %s in %.1f s", src_uri, "ok" if error is None else "FAILED", seconds)
        done[src_uri] = {"error": error, "seconds": round(seconds, 3), "from_cache": False}
        if text is None:
            target.unlink(missing_ok=True)  # no stale copy to render
            continue
        target.write_text(text, encoding="utf-8")
        if cache.mode() != "off":
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(text, encoding="utf-8")
    if sources:
        shutil.copyfile(kernel_dir(root) / "bench.py", docs / "notebooks" / "bench.py")
    return done


def run(notebook: Path, kernel_dir: Path) -> str:
    """Execute ``notebook`` in a fresh kernel; its JSON with cleaned outputs."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from traced.cleaning import clean

    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(kernel_dir)}},
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
            if "image/png" in output.get("data", {}):
                _describe(output, cell.metadata.get("alt"), notebook.name)
            kept.append(output)
        cell.outputs = kept
        cell.metadata.pop("execution", None)  # timestamps: builds would differ
    return nbformat.writes(nb)


def _describe(output, alt: str | None, name: str) -> None:
    """Give a chart its text alternative: the cell's ``alt`` metadata, as the
    ``alt`` of an HTML image the renderer prefers over the bare PNG. A chart
    without one fails the build: no image reaches a page undescribed."""
    if not alt:
        raise NotebookError(
            f"{name}: a cell draws a chart but has no `alt` in its metadata to describe it"
        )
    png = output.data["image/png"]
    output.data["text/html"] = (
        f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt, quote=True)}">'
    )

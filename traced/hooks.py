"""MkDocs hooks: conveniences of MkDocs alone, never needed for a correct page.

The fence and the provenance line are declared in ``mkdocs.yml``
(:mod:`traced.fence`, :mod:`traced.extension`), and the run step writes the
executed notebooks and the "Tested on" page before rendering, so a renderer
that ignores hooks (Zensical) still renders every page from the run record.
What these add:

- under ``mkdocs serve``, a snippet edited since the record was made, or
  missing from it, is rerun here (through the author's cache) before its
  page renders, and offered to the fence, which only reads; TensorFlow is
  imported once when serving starts. With ``--dirty`` (``nox -s serve``)
  a reload re-renders only the pages whose prose or snippets changed, edits
  noticed within 0.1 s;
- the fence resolves snippet paths against the folder of ``mkdocs.yml``
  (fixture sites; the project's own default is the checkout);
- MkDocs validates anchors against a page's own HTML only; the Tested on
  page links to the per-release notes a fence writes, so register them.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from traced import cache, catalog, fence, records

_seen: dict[str, str] = {}  # serve: snippet -> digest at the last render


def on_startup(command, dirty=False, **_):
    fence.live = command == "serve"
    if fence.live:
        from traced import runner

        runner.prepare()  # once, so a snippet edit costs only its own run
        # MkDocs warns on every --dirty rebuild that navigation may be stale,
        # which `strict: true` turns into an aborted reload. A preview's
        # navigation is rebuilt in full at start; keep strict for the rest.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: "'dirty' build is being performed" not in record.getMessage()
        )


def on_serve(server, config, builder, **_):
    """MkDocs looks for edits every 0.5 s; poll every 0.1 s, so a saved page
    shows sooner. (No public setting: the watches are made again on a new
    observer. Should MkDocs change this, serving goes on at its own pace.)"""
    try:
        from watchdog.observers.polling import PollingObserver

        watched = list(server._watch_refs)
        for path in watched:
            server.unwatch(path)
        server.observer = PollingObserver(timeout=0.1)
        for path in watched:
            server.watch(path)
    except (AttributeError, ImportError, KeyError):
        pass
    return server


def on_config(config, **_):
    fence.root = Path(config.config_file_path).resolve().parent
    cache.mode()  # a bad TRACED_CACHE fails here, before anything renders
    return config


def on_pre_build(config, **_):
    fence.forget()  # each build (each `serve` reload) reads the record afresh


def on_files(files, config, **_):
    """Under ``serve --dirty``: a page whose snippets changed since the last
    render counts as modified, so the reload re-renders it (and only the
    pages whose own text changed besides)."""
    if not fence.live:
        return files
    record = records.current_path()
    stamp = str(record.stat().st_mtime_ns) if record.is_file() else ""
    for file in files.documentation_pages():
        digests = {
            path: catalog.digest(fence.root, path)
            for path in catalog.embedded_paths(Path(file.abs_src_path).read_text("utf-8"))
            if (fence.root / path).is_file()
        }
        now = stamp + "".join(f"{p}={d}" for p, d in sorted(digests.items()))
        if _seen.get(file.src_uri, now) != now:
            file.is_modified = lambda: True
        _seen[file.src_uri] = now
    return files


def on_page_markdown(markdown: str, page, **_):
    """Under ``serve``: rerun what the record cannot show for this page
    (missing, edited since, a diagram it lacks), so the fence renders it."""
    if not fence.live:
        return markdown
    from traced import execute, fence_options

    for path, options in catalog.fences_in(markdown):
        try:
            spec = fence_options.parse(fence.root, path, options)
        except fence_options.FenceError:
            continue  # the fence names the problem when it renders
        runs = [(False, spec["diagrams"])] + ([(True, ())] if spec["compare"] else [])
        for eager, diagrams in runs:
            problem = fence.stale(path, eager, diagrams)
            if problem is None:
                continue
            task = execute.Task(path, eager, tuple(sorted(diagrams)), spec["timeout"])
            logging.getLogger("mkdocs.plugins.traced").info(
                "traced: running %s (%s)", task.label, problem
            )
            fence.offer(task.key, execute.perform(task, fence.root))
    return markdown


def on_page_content(html: str, page, **_):
    if getattr(page, "present_anchor_ids", None) is not None:
        page.present_anchor_ids |= set(re.findall(r'<a id="(differs-[\w-]+)"', html))
    return html

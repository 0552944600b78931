"""MkDocs hooks: wire the glue into a build, and nothing else.

- register the ``snippet`` fence (see :mod:`traced.fence`) and resolve its
  paths against the folder of ``mkdocs.yml``;
- swap each notebook for its executed, cleaned copy (:mod:`traced.notebooks`)
  and offer ``bench.py`` beside it;
- stamp every page that runs snippets with what produced its outputs, saying
  so when they came from the author's run cache;
- add the generated "Tested on" page and, under each output that reads
  differently on another recorded release, a collapsed note
  (:mod:`traced.records`, :mod:`traced.tested_on`);
- say what ran, and end the build with a one-line summary.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.structure.files import File

from traced import cache, catalog, fence, notebooks, provenance, records, tested_on

_log = logging.getLogger("mkdocs.plugins.traced")
_PLACEHOLDER = "TRACED-PROVENANCE"
_state: dict = {}  # this build's release records, read once in on_pre_build


def on_config(config, **_):
    fence.root = Path(config.config_file_path).resolve().parent
    cache.mode()  # a bad TRACED_CACHE fails here, before anything runs
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(f.get("name") == "snippet" for f in fences):
        fences.append(
            {
                "name": "snippet",
                "class": "snippet",
                "validator": fence.validator,
                "format": fence.formatter,
            }
        )
    return config


def on_pre_build(config, **_):
    cache.forget()  # each build (each `serve` reload) starts afresh
    found = records.load()
    _log.info("traced: %d release records in %s", len(found), records.results_dir().name)
    release, kind = provenance.release(), provenance.device_kind()

    def differences(path: str, eager: bool, output: str) -> str:
        return records.note(found, path, eager, output, release, kind)

    fence.differences = differences
    _state["records"] = found


def on_files(files, config, **_):
    docs = Path(config.docs_dir)
    content = tested_on.page(
        _state.get("records", []), provenance.environment(), catalog.page_embeds(docs)
    )
    files.append(File.generated(config, "tested-on.md", content=content))
    for file in list(files):
        if not file.src_uri.endswith(".ipynb"):
            continue
        try:
            file.abs_src_path = str(notebooks.executed(Path(file.abs_src_path), file.src_uri))
        except notebooks.NotebookError as error:
            _log.warning("traced: docs/%s: a cell raised %s", file.src_uri, error)
            continue
        helper = catalog.ROOT / "snippets" / "performance" / "bench.py"
        folder = file.src_uri.rsplit("/", 1)[0]
        files.append(File.generated(config, f"{folder}/bench.py", abs_src_path=str(helper)))
    return files


def on_page_markdown(markdown: str, page, **_):
    fence.start_page(f"docs/{page.file.src_uri}")
    if not catalog.embedded_paths(markdown):
        return markdown
    lines = markdown.splitlines()
    # Right under the page title, so a reader sees it before any output.
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    lines[at:at] = ["", f'<p class="traced-provenance">{_PLACEHOLDER}</p>', ""]
    return "\n".join(lines)


# The rules-of-thumb checklists (pymdownx.tasklist) draw a disabled, checked
# box per rule: decoration, with no label of its own, which screen readers
# announce as an unlabelled control. Hide the box from them; the text stays.
_TASK_BOX = '<input type="checkbox" disabled checked/>'


def on_page_content(html: str, page, **_):
    html = html.replace(_TASK_BOX, '<input type="checkbox" disabled checked aria-hidden="true"/>')
    if _PLACEHOLDER in html:
        html = html.replace(_PLACEHOLDER, provenance_text(fence.cached_on_page()))
    # MkDocs finds anchors in a page's own raw HTML, not in HTML a fence wrote;
    # the Tested on page links to the notes' anchors, so register them.
    if getattr(page, "present_anchor_ids", None) is not None:
        page.present_anchor_ids |= set(re.findall(r'<a id="(differs-[\w-]+)"', html))
    return html


def on_post_build(config, **_):
    _log.info(cache.summary())


def provenance_text(cached: int = 0) -> str:
    env = provenance.environment()
    text = (
        f"Every output on this page was produced when the site was built on "
        f"{provenance.build_date()}, by TensorFlow {env['tensorflow']}, "
        f"Keras {env['keras']} and Python {env['python']} on {env['device']}."
    )
    if cached:
        text += (
            f" {cached} of its outputs came from the author's run cache: runs made "
            "earlier with these same versions and sources, not in this build."
        )
    return text

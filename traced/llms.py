"""The site for assistants: one job, writing ``llms.txt``, ``llms-full.txt``
and a Markdown copy of every page into a built site.

Readers ask an assistant first; what it reads here should be what a reader
sees. So each page's Markdown copy is the page's own Markdown with every
``snippet`` fence replaced by the snippet's source and the output the run
record holds, exactly as the page shows it (both tabs of a
``compare="eager"`` fence; only the output of a ``show="output"`` one).
Written after the site is rendered, from the same record (``python -m
traced llms SITE``, which the nox sessions call), so any renderer's site gets
them:

- ``llms.txt``: the site's name and description, then one line per page,
  linking its Markdown copy (https://llmstxt.org's layout);
- ``<page>.md`` beside the page's folder (``eager.md`` for ``eager/``);
- ``llms-full.txt``: every page's copy, in navigation order.

mkdocs-llmstxt does the same from the rendered HTML, but it needs a
``site_url`` on every build and converts HTML back to Markdown; the record
already holds the outputs as text, and a renderer without MkDocs plugins
(Zensical) runs none.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from traced import catalog, records

OUTPUT_LABEL = "Output"
EAGER_LABEL = "Output with tf.config.run_functions_eagerly(True)"


def _config(root: Path) -> dict:
    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses tags (!ENV, !!python/name) this file does not need.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        return yaml.load(file, Loader=_Loader)  # noqa: S506 (a safe loader, tags ignored)


def nav_pages(root: Path = catalog.ROOT) -> list[tuple[str, str]]:
    """(title, page) of every Markdown page in the navigation, in order."""
    found = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                (title, value), *_ = item.items()
                if isinstance(value, list):
                    walk(value)
                elif str(value).endswith(".md"):
                    found.append((title, value))

    walk(_config(root).get("nav", []))
    return found


def _block(body: str, info: str) -> str:
    longest = max((len(t) for t in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{info}\n{body.rstrip()}\n{ticks}"


def output_block(output: str, label: str, path: str) -> str:
    """One output as the copies write it: a labelled text block."""
    return f"{label} of `{path}`:\n\n" + _block(
        records.as_rendered(output) or "(no output)", "text"
    )


def page_markdown(markdown: str, data: dict, root: Path = catalog.ROOT) -> str:
    """The page's Markdown, each snippet fence replaced by its source and
    the recorded output(s)."""

    def replace(match: re.Match) -> str:
        path = match["path"]
        options = catalog.options_of(match["options"])
        entry = data["snippets"][path]
        parts = []
        if options.get("show") != "output":
            source = (root / path).read_text(encoding="utf-8")
            parts.append(_block(source, f'python title="{path}"'))
        if options.get("compare") == "eager":
            parts.append(output_block(entry["output"], OUTPUT_LABEL, path))
            eager = data["snippets"][f"{path}#eager"]["output"]
            parts.append(output_block(eager, EAGER_LABEL, path))
        elif entry["output"].strip() or options.get("show") == "output":
            parts.append(output_block(entry["output"], OUTPUT_LABEL, path))
        drawn = len(entry.get("figures", [])) + len(options.get("diagram", "").split())
        if drawn:
            parts.append(f"(The page draws {drawn} figure(s) of this run here.)")
        return "\n\n".join(parts)

    return catalog.EMBED.sub(replace, markdown)


def _first_sentence(markdown: str) -> str:
    """The first sentence of the page's first paragraph of prose."""
    for paragraph in re.split(r"\n\s*\n", markdown):
        text = " ".join(paragraph.split())
        if text and not text.startswith(("#", "!", "<", "[", "-", "|", "```", "?", "=")):
            text = text.strip("*")
            return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return ""


def _copy_name(page: str) -> str:
    """``eager.md`` -> ``eager.md``; ``index.md`` -> ``index.md``: the copy
    sits at the site's root under the page's own name."""
    return page


def write(site: Path, data: dict, root: Path = catalog.ROOT) -> list[Path]:
    """Write llms.txt, llms-full.txt and each page's copy into ``site``."""
    config = _config(root)
    docs = root / config.get("docs_dir", "docs")
    written, full = [], []
    lines = [
        f"# {config.get('site_name', 'Traced')}",
        "",
        f"> {config.get('site_description', '')}",
        "",
        "Every output in these files was produced by running the example on "
        f"TensorFlow {data['environment']['tensorflow']}, Keras "
        f"{data['environment']['keras']}, Python {data['environment']['python']} on "
        f"{data['environment']['device']} ({data['date'][:10]}); the test suite checked "
        "the pages' claims against that very run.",
        "",
        "## Chapters",
        "",
    ]
    for title, page in nav_pages(root):
        file = docs / page
        if not file.is_file():
            continue
        text = page_markdown(file.read_text(encoding="utf-8"), data, root)
        target = site / _copy_name(page)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
        summary = _first_sentence(file.read_text(encoding="utf-8"))
        lines.append(f"- [{title}]({_copy_name(page)}): {summary}")
        full.append(text.rstrip())
    (site / "llms.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (site / "llms-full.txt").write_text("\n\n---\n\n".join(full) + "\n", encoding="utf-8")
    return [site / "llms.txt", site / "llms-full.txt", *written]


def outputs_in(text: str) -> list[tuple[str, str, str]]:
    """Every output block a copy holds: (label, snippet path, output)."""
    pattern = re.compile(
        r"^(?P<label>Output(?: with tf\.config\.run_functions_eagerly\(True\))?) of "
        r"`(?P<path>[^`]+)`:\n\n(?P<ticks>`{3,})text\n(?P<body>.*?)\n(?P=ticks)$",
        re.S | re.M,
    )
    return [(m["label"], m["path"], m["body"]) for m in pattern.finditer(text)]

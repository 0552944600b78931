"""Each chapter as a notebook: one job, :func:`write`.

For every chapter (a page that embeds snippets; Troubleshooting only quotes
the chapters' snippets), a notebook of its snippets in page order, each
under the heading it sits under on the page, with a first cell that installs
the TensorFlow and Keras that built the page and, in every code cell, the
outputs of the run record: it opens showing what the page shows, and runs
top to bottom in a fresh kernel. The run step writes them into
``docs/downloads/`` (git-ignored), which the site serves as plain files; the
Markdown extension links each chapter to its own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from traced import catalog

FOLDER = "downloads"
"""Under docs/: where the chapter notebooks are written and served from."""

NOT_CHAPTERS = frozenset({"troubleshooting.md"})

COLAB_BRANCH = "notebooks"
"""The branch CI's publish job writes every notebook the site offers to, at
its root (``.github/workflows/ci.yml``, job ``notebooks``): Colab opens
notebooks from GitHub paths only, and the Pages site is an artifact."""


def colab_url(repo_url: str, notebook: str) -> str | None:
    """ "Open in Colab" for ``notebook`` (a file name) as the publish job
    writes it, or None where the repository is not on GitHub."""
    match = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?", repo_url)
    if not match:
        return None
    owner, repo = match.groups()
    return f"https://colab.research.google.com/github/{owner}/{repo}/blob/{COLAB_BRANCH}/{notebook}"


_HEADING = re.compile(r"^(#{1,6}) ")


def is_chapter(page: str, markdown: str) -> bool:
    """Whether ``page`` (relative to docs/) gets a notebook."""
    return page not in NOT_CHAPTERS and bool(catalog.embedded_paths(markdown))


def notebook_name(page: str) -> str:
    """``where-graphs-hide.md`` -> ``where-graphs-hide.ipynb``."""
    return page.removesuffix(".md").replace("/", "-") + ".ipynb"


def _cell(kind: str, source: str, snippet: str | None = None, **extra) -> dict:
    metadata = {"traced": {"snippet": snippet}} if snippet else {}
    cell = {"cell_type": kind, "metadata": metadata, "source": source.splitlines(keepends=True)}
    return {**cell, **extra}


def snippet_of(cell: dict) -> str | None:
    """The snippet a code cell runs (its metadata says), if any."""
    return cell.get("metadata", {}).get("traced", {}).get("snippet")


def _code(source: str, count: int, outputs: list[dict], snippet: str | None = None) -> dict:
    return _cell("code", source, snippet, execution_count=count, outputs=outputs)


def _outputs(entry: dict | None) -> list[dict]:
    """The record's output of a snippet as notebook outputs: its text, then
    its figures."""
    if entry is None:
        return []
    outputs = []
    if entry.get("output"):
        outputs.append({"output_type": "stream", "name": "stdout", "text": entry["output"]})
    for svg in entry.get("figures", []):
        outputs.append(
            {"output_type": "display_data", "metadata": {}, "data": {"image/svg+xml": svg}}
        )
    return outputs


def install_cell(environment: dict, packages: dict[str, str]) -> str:
    """The first code cell: install the TensorFlow and Keras that built the
    page (and ``packages``), if this kernel has other versions. Plain Python,
    no magics, so it runs anywhere; it changes nothing where they match."""
    tensorflow, keras = environment["tensorflow"], environment["keras"]
    if "dev" in tensorflow:  # the nightly row's record: its dev builds, as pip names them
        wanted = {"tf-nightly": tensorflow.replace("-dev", ".dev"), "keras-nightly": keras}
    else:
        wanted = {"tensorflow": tensorflow, "keras": keras}
    wanted.update(packages)
    listed = ", ".join(f'"{name}": "{version}"' for name, version in wanted.items())
    return (
        f"# The versions that made this chapter's outputs (with Python {environment['python']}).\n"
        "# Where this kernel has others, this installs them: then restart the kernel.\n"
        "import importlib.metadata\nimport subprocess\nimport sys\n\n"
        f"wanted = {{{listed}}}\n"
        'also_known_as = {"tensorflow": ["tensorflow-cpu"]}  # the CPU-only build\n\n\n'
        "def installed(name):\n"
        "    for distribution in [name, *also_known_as.get(name, [])]:\n"
        "        try:\n"
        "            return importlib.metadata.version(distribution)\n"
        "        except importlib.metadata.PackageNotFoundError:\n"
        "            pass\n"
        "    return None\n\n\n"
        'missing = [f"{name}=={v}" for name, v in wanted.items() if installed(name) != v]\n'
        'if "google.colab" in sys.modules:  # Colab preinstalls its own releases\n'
        "    for name, version in wanted.items():\n"
        '        print(f"{name}: Colab has {installed(name)}, the page used {version}")\n'
        "if missing:\n"
        '    subprocess.check_call([sys.executable, "-m", "pip", "install", *missing])\n'
        '    print("Installed", *missing, "- now restart the kernel.")\n'
        "else:\n"
        '    print("This kernel has the versions that built the page.")\n'
    )


def notebook(page: str, markdown: str, record: dict, root: Path, packages: dict[str, str]) -> dict:
    """The notebook of one chapter, from its Markdown and the run record;
    ``packages``: {name: version} of other packages snippets may import."""
    environment = record["environment"]
    items = list(_page_items(markdown))
    paths = [value for kind, value in items if kind == "snippet"]
    sources = "\n".join(
        (root / p).read_text(encoding="utf-8") for p in paths if (root / p).is_file()
    )
    packages = {n: v for n, v in packages.items() if re.search(rf"^import {n}\b", sources, re.M)}
    title = next(
        (line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), page
    )
    cells = [
        _cell(
            "markdown",
            f"# {title}\n\nThe examples of this chapter of *Traced*, in page order. The "
            f"outputs below are the ones the page shows: TensorFlow {environment['tensorflow']}, "
            f"Keras {environment['keras']}, Python {environment['python']} on "
            f"{environment['device']}, {record['date'][:10]}. Run all cells to make your own.",
        )
    ]
    count = 1
    cells.append(_code(install_cell(environment, packages), count, []))
    written: set[str] = set()
    pending: list[str] = []
    shown: set[str] = set()
    for kind, value in items:
        if kind == "heading":
            pending.append(value)
            continue
        path = value
        if path in shown:
            continue  # shown twice on a page: run once
        shown.add(path)
        # The headings it sits under, and its file: the cell itself holds the
        # file exactly, so line numbers in its output match.
        cells.append(_cell("markdown", "\n\n".join([*pending, f"`{path}`"])))
        pending = []
        for module in catalog.local_modules(root / path):
            if module.name not in written:  # a helper the snippet imports (bench.py)
                written.add(module.name)
                count += 1
                source = module.read_text(encoding="utf-8")
                cells.append(_code(f"%%writefile {module.name}\n{source}", count, []))
        source = (root / path).read_text(encoding="utf-8").rstrip("\n")
        entry = record["snippets"].get(path)
        count += 1
        if catalog.runs_in_own_process(path):
            # It changes process-wide state for good (devices, tf.data's debug
            # mode): in a new process, as the run step runs it.
            name = Path(path).name
            cells.append(_code(f"%%writefile {name}\n{source}\n", count, []))
            count += 1
            run = f"# As a script, in a new process\nimport sys\n\n!{{sys.executable}} {name}"
            cells.append(_code(run, count, _outputs(entry), path))
        else:
            cells.append(_code(source, count, _outputs(entry), path))
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"  # nbformat 4.5: every cell has an id
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "traced": {"page": page, "tensorflow": environment["tensorflow"]},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _page_items(markdown: str):
    """("heading", line) and ("snippet", path) in page order, outside code
    blocks other than the snippet fences."""
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        rest = "\n".join(lines[i : i + 3])
        match = catalog.EMBED.match(rest)
        if match:
            yield "snippet", match["path"]
            i += 3
            continue
        if lines[i].lstrip().startswith("```"):  # another code block: skip it
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith("```"):
                i += 1
            i += 1
            continue
        if _HEADING.match(lines[i]) and not lines[i].startswith("# "):
            yield "heading", lines[i]
        i += 1


def write(docs: Path, record: dict, root: Path = catalog.ROOT) -> list[Path]:
    """Write every chapter's notebook under ``docs/downloads/``; return them."""
    packages = _packages_used()
    target = docs / FOLDER
    target.mkdir(exist_ok=True)
    written = []
    for page, markdown in _pages(docs):
        if not is_chapter(page, markdown):
            continue
        book = notebook(page, markdown, record, root, packages)
        file = target / notebook_name(page)
        file.write_text(json.dumps(book, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(file)
    return written


def _pages(docs: Path):
    for file in sorted(docs.glob("*.md")):
        yield file.name, file.read_text(encoding="utf-8")


def _packages_used() -> dict[str, str]:
    """Other packages the snippets import, at the versions that ran them."""
    from importlib import metadata

    found = {}
    for name in ("matplotlib",):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return found

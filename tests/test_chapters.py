"""Each chapter as a notebook (traced/chapters.py): it follows its page, holds
the record's outputs, and one of them, run from scratch in a new kernel,
prints what the record holds."""

import json

import pytest

from conftest import DOCS, ROOT, printed, recorded
from traced import catalog, chapters, notebooks

CHAPTER = "eager.md"  # quick to run, no timings: its outputs must repeat exactly


def _record() -> dict:
    data = recorded()
    if data is None:
        pytest.skip("a chapter's notebook is made from a run record (pytest --record=...)")
    return data


def _notebook(page: str, record: dict) -> dict:
    markdown = (DOCS / page).read_text(encoding="utf-8")
    return chapters.notebook(page, markdown, record, ROOT, {"matplotlib": "x"})


def test_every_chapter_has_a_notebook_in_page_order():
    record = _record()
    for page, paths in catalog.page_embeds(DOCS).items():
        markdown = (DOCS / page).read_text(encoding="utf-8")
        if not chapters.is_chapter(page, markdown):
            continue
        book = _notebook(page, record)
        cells = book["cells"]
        assert "".join(cells[1]["source"]).startswith("# The versions that made"), page
        shown = [chapters.snippet_of(c) for c in cells if c["cell_type"] == "code"]
        assert [p for p in shown if p] == list(dict.fromkeys(paths)), page
        for cell in cells:
            path = chapters.snippet_of(cell)
            if path and not catalog.runs_in_own_process(path):
                source = "".join(cell["source"])
                assert source == (ROOT / path).read_text(encoding="utf-8").rstrip("\n"), path
            if path:
                assert printed(cell) == record["snippets"][path]["output"], path


def test_the_install_cell_pins_the_release_that_built_the_page():
    record = _record()
    env = record["environment"]
    source = "".join(_notebook("performance.md", record)["cells"][1]["source"])
    names = (
        ("tf-nightly", "keras-nightly") if "dev" in env["tensorflow"] else ("tensorflow", "keras")
    )
    version = env["tensorflow"].replace("-dev", ".dev")
    wanted = (
        f'wanted = {{"{names[0]}": "{version}", "{names[1]}": "{env["keras"]}", "matplotlib": "x"}}'
    )
    assert wanted in source.splitlines()
    assert '"matplotlib"' not in "".join(_notebook(CHAPTER, record)["cells"][1]["source"])


def test_a_nightly_install_cell_names_the_dev_builds_as_pip_does():
    # tf.__version__ spells a dev build "2.23.0-dev20261026"; pip's packages are tf-nightly
    # and keras-nightly, and the installed version reads "2.23.0.dev20261026".
    environment = {
        "tensorflow": "2.23.0-dev20261026",
        "keras": "3.16.0.dev2026102704",
        "python": "3.11.7",
    }
    source = chapters.install_cell(environment, {})
    assert (
        'wanted = {"tf-nightly": "2.23.0.dev20261026", "keras-nightly": "3.16.0.dev2026102704"}'
        in (source.splitlines())
    )


def test_a_chapter_notebook_run_from_scratch_prints_the_records_outputs(tmp_path):
    record = _record()
    book = _notebook(CHAPTER, record)
    for cell in book["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    file = tmp_path / chapters.notebook_name(CHAPTER)
    file.write_text(json.dumps(book), encoding="utf-8")
    executed = json.loads(notebooks.run(file, tmp_path))  # a new kernel, in tmp_path
    install = executed["cells"][1]
    assert printed(install) == "This kernel has the versions that built the page.\n"
    compared = 0
    for cell in executed["cells"]:
        path = chapters.snippet_of(cell)
        if path is None or catalog.is_timed(path):
            continue
        assert printed(cell) == record["snippets"][path]["output"], path
        compared += 1
    assert compared == len(set(catalog.page_embeds(DOCS)[CHAPTER]))

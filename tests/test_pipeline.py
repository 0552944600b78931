"""The snippet pipeline itself: every snippet runs, pages and snippets match,
the build fails loudly, outputs are complete, isolated and publishable."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown_exec
import pytest

from conftest import (
    DOCS,
    ROOT,
    all_snippets,
    lines,
    mkdocs_build,
    page_embeds,
    record_file,
    recorded,
    run,
    run_step,
)
from traced import (
    api_links,
    catalog,
    chapters,
    claims,
    cleaning,
    llms,
    provenance,
    records,
    runner,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("path", all_snippets())
def test_snippet_runs(path):
    result = run(path)
    assert result.ok, f"{path} raised:\n{result.error}"
    assert "Traceback (most recent call last)" not in result.output


def test_every_snippet_is_embedded_in_a_page():
    embedded = {path for paths in page_embeds().values() for path in paths}
    orphans = sorted(set(all_snippets()) - embedded)
    assert not orphans, f"snippets no page shows: {orphans}"


def test_every_embedded_snippet_exists():
    missing = [
        f"docs/{page}: {path}"
        for page, paths in page_embeds().items()
        for path in paths
        if not (ROOT / path).is_file()
    ]
    assert not missing, f"pages embed snippets that do not exist: {missing}"


# --- Sentences bound to the claims that check them --------------------------------------


def test_every_bound_sentence_is_on_its_page_word_for_word():
    found = claims.bindings()
    assert len(found) > 0
    problems = claims.problems(found)
    assert not problems, "\n".join(problems)


def test_every_claim_test_of_a_page_binds_a_sentence():
    """A test in ``tests/test_<page>.py``, for a page that exists, names the
    sentences it guards; the pipeline's files and those with no page
    (the chapter notebooks, the maintainers' notes) need not."""
    pageless = [
        f.name
        for f in (ROOT / "tests").glob("test_*.py")
        if f.name not in catalog.PIPELINE_TESTS
        and not (
            DOCS / f.name.removeprefix("test_").replace("_", "-").replace(".py", ".md")
        ).is_file()
    ]
    missing = claims.unbound_tests(pipeline=(*catalog.PIPELINE_TESTS, *pageless))
    assert not missing, f"claim tests that bind no sentence: {missing}"


def test_editing_a_bound_sentence_fails_naming_it(tmp_path):
    """The scripted edit the issue asks for: change one word of a bound
    sentence on a copy of the pages, and the check names test and sentence."""
    found = claims.bindings()
    target = found[len(found) // 2]
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    page = docs / target.page
    text = page.read_text(encoding="utf-8")
    words = target.sentence.split()
    edited = " ".join([*words[:-1], "EDITED", words[-1]])
    flat = claims.normal(text)
    assert claims.normal(target.sentence) in flat
    page.write_text(flat.replace(claims.normal(target.sentence), edited), encoding="utf-8")
    problems = claims.problems(found, docs)
    assert any(
        p.startswith(f"{target.test_id}: docs/{target.page} no longer says: ") for p in problems
    ), problems


def test_the_sentence_check_reads_a_wrapped_sentence_as_one(tmp_path):
    (tmp_path / "page.md").write_text("It prints\n`traces: 1`\nonce.\n", encoding="utf-8")
    bound = claims.Binding("page.md", "It prints `traces: 1` once.", "tests/t.py", "test_x", 1)
    assert claims.problems([bound], tmp_path) == []
    wrong = claims.Binding("page.md", "It prints `traces: 2` once.", "tests/t.py", "test_x", 1)
    assert claims.problems([wrong], tmp_path) == [
        "tests/t.py::test_x: docs/page.md no longer says: 'It prints `traces: 2` once.'"
    ]


# --- Fences checked before anything runs ---------------------------------------------------


def test_bad_fences_stop_the_run_step_naming_each_without_a_traceback(tmp_path):
    """Four bad fences on one page: an unknown ``compare`` value, a misspelled
    option, a diagram of a non-graph, a missing file. The run step names each
    with its page and snippet and records nothing; of the page's runs, only
    the one that draws a diagram ran (the others were never started)."""
    done = subprocess.run(
        [
            sys.executable, "-m", "traced", "run", "--root", str(FIXTURES / "bad_fences_site"),
            "--record", str(tmp_path / "record.json"), "--no-pages", "--workers", "1",
        ],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )  # fmt: skip
    log = done.stdout + done.stderr
    assert done.returncode == 1, log
    said = [line for line in lines(log) if line.startswith("traced: docs/")]
    assert said == [
        'traced: docs/index.md: snippet snippets/fine.py: compare="eagerly" is not an option '
        'value; use compare="eager"',
        "traced: docs/index.md: snippet snippets/fine.py: unknown option `diagrams` (did you "
        "mean `diagram`?); the options are claims, collapse, compare, diagram, show, timeout",
        "traced: docs/index.md: snippet snippets/missing.py: no such file",
        "traced: docs/index.md: snippet snippets/not_a_graph.py: diagram `answer`: cannot draw "
        "a int: pass a graph or a concrete function",
    ]
    assert "traced: run step stopped: 4 fence problem(s) above; nothing was recorded" in lines(log)
    assert "Traceback" not in log
    assert "running snippets/fine.py" not in log
    assert not (tmp_path / "record.json").exists()


@pytest.fixture(scope="module")
def whole_site(tmp_path_factory):
    """The whole site rendered strictly from the tests' run record, in its own
    process, as `nox -s docs` renders it (its own results folder, so the
    Tested on page has this record alone)."""
    data = recorded()
    if data is None:
        pytest.skip("renders from a run record: give --record (nox -s tests does)")
    tmp = tmp_path_factory.mktemp("whole-site")
    build = mkdocs_build(
        ROOT / "mkdocs.yml",
        tmp / "site",
        TRACED_RECORD=str(record_file()),
        TRACED_REPO_URL=REPO,  # as CI builds it: source, Colab and report links
    )
    assert build.returncode == 0, build.stderr
    return tmp, build


REPO = "https://github.com/example/traced"


def test_every_colab_link_opens_a_notebook_the_site_offers(whole_site):
    """Each Colab URL is the GitHub path CI's `notebooks` job publishes that
    notebook at (tests/test_workflow.py checks the job writes it there)."""
    site = whole_site[0] / "site"
    # mkdocs-jupyter puts a notebook page's source in its page folder; the
    # publish job flattens them all.
    offered = {p.name for p in site.glob("downloads/*.ipynb")} | {
        p.name for p in site.glob("notebooks/**/*.ipynb")
    }
    linked = []
    for html_file in site.rglob("*.html"):
        for url in re.findall(
            r'href="(https://colab\.research\.google\.com/[^"]+)"', html_file.read_text()
        ):
            name = url.rsplit("/", 1)[1]
            assert name in offered, (html_file, url)
            assert url == chapters.colab_url(REPO, name), (html_file, url)
            linked.append(name)
    assert set(linked) == offered  # every notebook, chapters and the benchmark one


def test_llms_files_hold_exactly_the_recorded_outputs(whole_site):
    """llms.txt lists every page's Markdown copy; each copy, and
    llms-full.txt, holds every output the page shows, equal to the record."""
    site, data = whole_site[0] / "site", recorded()
    written = llms.write(site, data)
    index = (site / "llms.txt").read_text(encoding="utf-8")
    for title, page in llms.nav_pages():
        if (DOCS / page).is_file():
            assert re.search(rf"^- \[{re.escape(title)}\]\({re.escape(page)}\): ", index, re.M)
    fences = catalog.page_fences()
    checked = 0
    for file in [*written[2:], site / "llms-full.txt"]:
        text = file.read_text(encoding="utf-8")
        found = llms.outputs_in(text)
        if file.name != "llms-full.txt":
            shown = fences.get(file.name, [])
            assert len(found) == len(records.outputs_shown(data, shown)), file.name
        for label, path, body in found:
            key = f"{path}#eager" if label == llms.EAGER_LABEL else path
            assert body == (records.as_rendered(data["snippets"][key]["output"]) or "(no output)")
            checked += 1
    assert checked > 200
    assert "```snippet" not in (site / "llms-full.txt").read_text(encoding="utf-8")


def _outputs_on(html: str) -> list[str]:
    """The text of every output block on a page, as a reader sees it."""
    import html as html_module

    blocks = re.findall(r'<div class="traced-output[^"]*">.*?<code[^>]*>(.*?)</code>', html, re.S)
    return [html_module.unescape(re.sub(r"<[^>]+>", "", block)).rstrip() for block in blocks]


def test_every_chapter_offers_its_notebook(whole_site):
    site, data = whole_site[0] / "site", recorded()
    offered = 0
    for page in page_embeds():
        markdown = (DOCS / page).read_text(encoding="utf-8")
        if not chapters.is_chapter(page, markdown):
            continue
        name = chapters.notebook_name(page)
        html = (site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert f'download="{name}" href="../downloads/{name}"' in html, page
        book = json.loads((site / "downloads" / name).read_text(encoding="utf-8"))
        assert book["metadata"]["traced"]["tensorflow"] == data["environment"]["tensorflow"]
        offered += 1
    assert offered >= 11


def test_every_linked_api_name_resolves_in_this_release(whole_site):
    """Lists every API name the site links, and checks each one resolves, in
    the release running the tests (the one that built the site), to the
    very page it links."""
    linked = {}
    for html_file in (whole_site[0] / "site").rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for url, name in re.findall(
            r'<a class="traced-api" href="([^"]+)" title="([^"]+) in the API reference">', html
        ):
            assert linked.setdefault(name, url) == url, name
    print("linked API names:", ", ".join(sorted(linked)))
    assert {"tf.function", "tf.data.Dataset", "tf.print"} <= set(linked)
    assert api_links.resolve(sorted(linked)) == linked


def test_compat_v1_names_link_to_their_v1_pages():
    # v1-only symbols carry only v1 API names; each is documented under tf/compat/v1/.
    names = ["tf.compat.v1.placeholder", "tf.compat.v1.train.Saver", "tf.compat.v1.Session"]
    names += ["tf.compat.v1.ones_initializer", "tf.compat.v1", "tf.compat.v1.no_such_symbol"]
    assert api_links.resolve(names) == {
        "tf.compat.v1.placeholder": api_links.REFERENCE + "tf/compat/v1/placeholder",
        "tf.compat.v1.train.Saver": api_links.REFERENCE + "tf/compat/v1/train/Saver",
        "tf.compat.v1.Session": api_links.REFERENCE + "tf/compat/v1/Session",
        "tf.compat.v1.ones_initializer": api_links.REFERENCE + "tf/compat/v1/ones_initializer",
        "tf.compat.v1": api_links.REFERENCE + "tf/compat/v1",
    }


def test_every_output_on_the_site_is_the_records(whole_site):
    """Each output block a page shows is, character for character, the
    record's entry for it: the claims were checked on what is published."""
    site, data = whole_site[0] / "site", recorded()
    for page, fences in catalog.page_fences().items():
        html_file = site / re.sub(r"(index)?\.md$", "", page) / "index.html"
        shown = _outputs_on(html_file.read_text(encoding="utf-8"))
        expected = records.outputs_shown(data, fences)
        rendered = [records.as_rendered(text) for text in expected]
        assert [records.as_rendered(text) for text in shown] == rendered, page


def test_outputs_do_not_depend_on_order_or_process():
    """The record ran its snippets in worker processes, in an order set by
    their run times; this process runs a chapter's in reverse page order: the
    same outputs, byte for byte. A separate process has its own hash seed
    unless the environment fixes it (the nox sessions set PYTHONHASHSEED=0),
    so set order leaking into an output fails here too."""
    data = recorded()
    if data is None:
        pytest.skip("compares with a run record: give --record (nox -s tests does)")
    hint = "(is PYTHONHASHSEED set? `nox -s tests` sets it)"
    embeds = page_embeds()
    chosen = embeds["retracing.md"]  # one chapter's worth: a dozen quick snippets
    for path in reversed(chosen):
        if catalog.is_timed(path):
            continue
        again = runner.run_snippet(path)
        assert again.output == data["snippets"][path]["output"], f"{path} differs {hint}"


def test_hash_seed_is_fixed_where_the_site_is_built_and_tested():
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    assert '"PYTHONHASHSEED": "0"' in noxfile
    assert os.environ.get("PYTHONHASHSEED") == "0", "run the tests through nox"


def test_runner_undoes_global_state_between_snippets():
    root = FIXTURES / "isolation"
    first = runner.run_snippet("sets_eager_mode.py", root=root)
    second = runner.run_snippet("reads_eager_mode.py", root=root)
    assert first.ok and second.ok, (first.error, second.error)
    assert "layer: dense\n" in first.output
    assert "eager inside tf.function: False" in second.output
    assert "layer: dense\n" in second.output  # Keras name counters were reset


def test_rerun_does_not_inherit_retracing_history():
    path = "snippets/retracing/retracing_warning.py"
    first, second = runner.run_snippet(path), runner.run_snippet(path)
    assert first.output == second.output
    assert first.output.count("triggered tf.function retracing") == 2


def test_clean_hides_machine_paths_and_addresses():
    text = (
        f"{ROOT}/snippets/a.py {Path.home()}/x /tmp/tmpab12cd/model <f at 0x7f3a2b1c9d80> "
        "FuncGraph(name=f, id=139820505348160) [Op:__inference_log_loss_17] "
        "HloModule a_inference_f_595__.2 FuncGraph(name=while_body_17, id=139661685334720) "
        "/tmp/__autograph_generated_file3s5n0uom.py\n"
        "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n"
        "I0000 00:00:1795309658.462744   12753 mlir_graph_optimization_pass.cc:425] MLIR V1\n"
        "W0000 00:00:1795306239.190939    3016 local_rendezvous.cc:412] Local rendezvous\n"
        "INFO: Created TensorFlow Lite XNNPACK delegate for CPU.\n"
        "E0000 00:00:1796292215.243632   14933 cuda_platform.cc:57] failed call to cuInit: "
        "INTERNAL: CUDA error: Failed call to cuInit: UNKNOWN ERROR (303)\n"
        "=== Source Location Trace: === \n"
        "external/xla/xla/stream_executor/cuda/cuda_status.cc:50\n\n"
        "Captures:\n  139779420513552: TensorSpec(shape=(), dtype=tf.resource, name=None)\n"
        "last line"
    )
    assert cleaning.clean(text) == (
        "snippets/a.py ~/x <tmp>/model <f at 0x…> FuncGraph(name=f, id=…) "
        "[Op:__inference_log_loss_…] HloModule a_inference_f_…__.2 "
        "FuncGraph(name=while_body_…, id=…) "
        "<tmp>/__autograph_generated_file….py\n"
        "Captures:\n  …: TensorSpec(shape=(), dtype=tf.resource, name=None)\nlast line"
    )


def test_markdown_exec_public_api_we_use_exists():
    # The fence uses only these public names; an upgrade that drops one fails here.
    for name in ("base_format", "MarkdownConverter", "tabbed"):
        assert hasattr(markdown_exec, name), name


# --- Building sites -------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_html(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fixture-site")
    root = FIXTURES / "pipeline_site"
    step = run_step(root, tmp / "record.json")
    assert all(entry["error"] is None for entry in step["snippets"].values()), step
    build = mkdocs_build(root / "mkdocs.yml", tmp / "site", TRACED_RECORD=str(tmp / "record.json"))
    assert build.returncode == 0, build.stderr
    assert "traced: running" not in build.stderr  # rendering runs nothing
    site = tmp / "site"
    assert "AutoGraph could not transform" not in build.stderr + build.stdout
    return (site / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fixture_page(fixture_html):
    return _text(fixture_html)


def _text(page: str) -> str:
    """A page's visible text, roughly: tags dropped, entities decoded."""
    import html

    page = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
    page = page.replace('<span class="filename">Output</span>', "Output\n")
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_autograph_converts_tf_range_loop_with_if(fixture_page):
    assert "multiples of three below 10: 4" in lines(fixture_page)


def test_tf_print_and_stderr_appear_in_order(fixture_page):
    assert "Output\n1 print\n2 tf.print\n3 sys.stderr\n4 print\n" in fixture_page


def test_autograph_to_code_renders(fixture_page):
    assert "def tf__relu_if(x):" in fixture_page
    assert "ag__.if_stmt" in fixture_page


def test_tensorflow_retracing_warning_renders(fixture_page):
    assert "triggered tf.function retracing" in fixture_page
    assert "traces: 6" in lines(fixture_page)


def test_no_machine_path_on_page(fixture_page):
    assert "file: snippets/machine_paths.py" in fixture_page
    assert "tmp: <tmp>/model" in fixture_page
    assert "tf: site-packages/tensorflow" in fixture_page
    assert "object: <object object at 0x…>" in fixture_page
    for secret in (str(ROOT), str(FIXTURES), str(Path.home()), "/tmp/"):
        assert secret not in fixture_page


def test_compare_eager_shows_both_runs_in_tabs(fixture_page):
    # Once in the source, once while tracing; run eagerly, once per call plus
    # once for get_concrete_function, which still traces.
    assert fixture_page.count("Python body ran") == 5
    assert "Output with tf.config.run_functions_eagerly(True)" in fixture_page


def test_diagram_is_drawn_from_the_snippets_graph(fixture_html):
    svg = re.search(r'<svg class="traced-graph".*?</svg>', fixture_html, re.S).group(0)
    assert ">Mul</text>" in svg and ">Placeholder</text>" in svg
    assert "The graph of <code>concrete</code>" in fixture_html


def test_provenance_line(fixture_page):
    env = provenance.environment()
    assert f"TensorFlow {env['tensorflow']}, Keras {env['keras']}" in fixture_page
    assert f"on {env['device']}" in fixture_page


def test_bad_snippets_fail_the_strict_build_and_publish_no_traceback(tmp_path):
    """One strict build of a site with a raising snippet and a misspelled
    option, rendered without the run step's checks (as a renderer that runs
    alone would): it fails, naming page, snippet and problem once each; the
    pages it wrote before aborting show a notice, never a traceback or the
    raw fence."""
    root = tmp_path / "broken_site"
    shutil.copytree(FIXTURES / "broken_site", root)
    config = root / "mkdocs.yml"
    hooks = str(ROOT / "traced" / "hooks.py")
    config.write_text(config.read_text().replace("../../../traced/hooks.py", hooks))
    page = root / "docs" / "index.md"
    misspelled = page.read_text(encoding="utf-8")
    page.write_text(misspelled.replace(' diagrams="graph"', ""), encoding="utf-8")
    step = run_step(root, tmp_path / "record.json")  # the run records the failure ...
    page.write_text(misspelled, encoding="utf-8")
    assert (
        step["snippets"]["snippets/raises.py"]["error"]
        .rstrip()
        .endswith("ValueError: this snippet is broken on purpose")
    )
    build = mkdocs_build(  # ... and the render of that record fails
        root / "mkdocs.yml", tmp_path / "site", TRACED_RECORD=str(tmp_path / "record.json")
    )
    assert build.returncode != 0
    log = build.stdout + build.stderr
    assert (
        "traced: docs/index.md: snippet snippets/raises.py: raised ValueError: "
        "this snippet is broken on purpose" in log
    )
    assert (
        "traced: docs/index.md: snippet snippets/fine.py: unknown option `diagrams` "
        "(did you mean `diagram`?)" in log
    )
    assert "Aborted with 2 warnings in strict mode" in log
    page = _text((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert "Snippet snippets/raises.py could not be shown" in page
    assert "raised ValueError: this snippet is broken on purpose" in page
    assert 'snippet diagrams="graph"' not in page  # never the raw fence as text
    assert "Traceback" not in page
    assert str(ROOT) not in page


def test_whole_site_builds_strictly(whole_site):
    """One render serves every whole-site check."""
    tmp_path, build = whole_site
    log = build.stdout + build.stderr
    assert "traced: running" not in log  # rendering runs nothing
    env = recorded()["environment"]
    for page, paths in page_embeds().items():
        if not paths:
            continue
        html_file = tmp_path / "site" / re.sub(r"(index)?\.md$", "", page) / "index.html"
        text = _text(html_file.read_text(encoding="utf-8"))
        assert f"by TensorFlow {env['tensorflow']}" in text, page
        for path in paths:
            assert path in text, f"{page} does not show {path}"
        for secret in (str(ROOT), str(Path.home()) + os.sep, str(tmp_path)):
            assert secret not in text, f"{page} shows a machine path"
    # The benchmark notebook ran (its chart is there) and can be downloaded.
    notebook = tmp_path / "site" / "notebooks" / "performance-benchmark"
    notebook_html = (notebook / "index.html").read_text(encoding="utf-8")
    assert (notebook / "performance-benchmark.ipynb").is_file()
    assert 'href="performance-benchmark.ipynb" title="Download this notebook"' in notebook_html
    assert "data:image/png;base64" in notebook_html
    assert 'alt="Line chart of the median time per call' in notebook_html  # described
    assert "No description has been provided" not in notebook_html
    assert (notebook / ".." / "bench.py").resolve().is_file()  # what the notebook imports
    assert "oneDNN custom operations" not in notebook_html  # no C++ log lines
    title = re.search(r"<title>(.*?)</title>", notebook_html).group(1)
    assert title == "Benchmark notebook: eager, tf.function and XLA - Traced"
    # Every in-page link (tables of contents included) leads to an id on its page.
    for html_file in (tmp_path / "site").rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        targets = {t for t in re.findall(r'href="#([^"]+)"', html) if not t.startswith("__")}
        assert targets <= ids, f"{html_file.relative_to(tmp_path)}: {sorted(targets - ids)}"
    tested = _text((tmp_path / "site" / "tested-on" / "index.html").read_text(encoding="utf-8"))
    assert "This build's outputs were run on TensorFlow" in tested
    # upload-pages-artifact (v4+) leaves dotfiles out: the site must need none.
    assert not [p for p in (tmp_path / "site").rglob(".*")]
    # Offline: no page loads a script, stylesheet or font from elsewhere.
    for html_file in (tmp_path / "site").rglob("*.html"):
        fetched = re.findall(
            r'<(?:script|link)[^>]+(?:src|href)="(https?:)?//', html_file.read_text()
        )
        assert not fetched, f"{html_file.name} fetches from the network"


def test_page_output_is_what_a_plain_run_prints():
    """The runner inside pytest (or MkDocs) prints what `python file.py` prints."""
    root = FIXTURES / "plain_run"
    shown = runner.run_snippet("every_channel.py", root=root).output
    plain = subprocess.run(
        [sys.executable, "every_channel.py"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "TF_CPP_MIN_LOG_LEVEL": "2"},
    ).stdout
    # The plain run starts with TensorFlow's import notices, which pages leave out.
    assert cleaning.clean(plain, root, snippet="every_channel.py").endswith(shown)
    for expected in ("4 a Python warning", "WARNING:tensorflow:5 a TensorFlow log", "retracing"):
        assert expected in shown

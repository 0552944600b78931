"""The snippet pipeline itself: every snippet runs, pages and snippets match,
the build fails loudly, outputs are complete, isolated and publishable."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown_exec
import pytest
from conftest import ROOT, all_snippets, lines, mkdocs_build, page_embeds, run

from traced import catalog, cleaning, provenance, runner

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


@pytest.fixture(scope="module")
def whole_site(tmp_path_factory):
    """The whole site built strictly in its own process, as `nox -s docs`
    does, with no release records, writing its rendered outputs to a fresh
    run cache (the determinism test reads them there)."""
    tmp = tmp_path_factory.mktemp("whole-site")
    (tmp / "results").mkdir()
    build = mkdocs_build(
        ROOT / "mkdocs.yml",
        tmp / "site",
        TRACED_RESULTS=str(tmp / "results"),
        TRACED_CACHE="write",
        TRACED_CACHE_DIR=str(tmp / "cache"),
    )
    assert build.returncode == 0, build.stderr
    return tmp, build


def _same_outputs_as_this_process(whole_site) -> None:
    """The site build ran every snippet in page order in another process;
    this process runs them in file order: the same outputs, byte for byte.
    A separate process has its own hash seed unless the environment fixes it
    (the nox sessions set PYTHONHASHSEED=0), so set iteration order leaking
    into an output (AutoGraph's generated `nonlocal` lines) fails here."""
    built = {}
    for entry in (whole_site[0] / "cache" / "runs").glob("*.json"):
        data = json.loads(entry.read_text(encoding="utf-8"))
        built[data["path"], data["eager"]] = data["output"]
    compared = [key for key in built if not catalog.is_timed(key[0])]
    embedded = {p for paths in page_embeds().values() for p in paths}
    assert {path for path, _ in compared} == {p for p in embedded if not catalog.is_timed(p)}
    hint = "(is PYTHONHASHSEED set? `nox -s tests` sets it)"
    for path, eager in sorted(compared):
        assert run(path, eager).output == built[path, eager], f"{path} differs {hint}"


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
    site = tmp_path_factory.mktemp("fixture-site")
    build = mkdocs_build(FIXTURES / "pipeline_site" / "mkdocs.yml", site)
    assert build.returncode == 0, build.stderr
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
    option: it fails, naming page, snippet and problem once each; the pages it
    wrote before aborting show a notice, never a traceback or the raw fence."""
    build = mkdocs_build(FIXTURES / "broken_site" / "mkdocs.yml", tmp_path / "site")
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
    """One build serves every whole-site check (it is the suite's slowest step)."""
    tmp_path, build = whole_site
    _same_outputs_as_this_process(whole_site)
    log = build.stdout + build.stderr
    assert "AutoGraph could not transform" not in log
    env = provenance.environment()
    for page, paths in page_embeds().items():
        if not paths:
            continue
        html_file = tmp_path / "site" / re.sub(r"(index)?\.md$", "", page) / "index.html"
        if page == "index.md":
            html_file = tmp_path / "site" / "index.html"
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
    assert (notebook / ".." / "bench.py").resolve().is_file()  # what the notebook imports
    assert "oneDNN custom operations" not in notebook_html  # no C++ log lines
    tested = _text((tmp_path / "site" / "tested-on" / "index.html").read_text(encoding="utf-8"))
    assert "No release records" in tested and "not run for this build" in tested
    assert "passed" not in tested
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

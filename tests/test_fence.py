"""The snippet fence in-process, as markdown-exec tests its own: Markdown
with the project's extension config, every bad input failing closed, pages
rendered from a run record with no hooks loaded, and the run cache keyed by
everything that can change an output."""

from __future__ import annotations

import html as html_lib
import logging
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from conftest import ROOT
from traced import api_links, cache, execute, fence, hooks, provenance, records, runner

FIXTURE = Path(__file__).parent / "fixtures" / "fence"


@pytest.fixture(scope="module")
def md_config():
    """The project's own mkdocs.yml: the fence and the extension as it declares them."""
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture
def render(md_config, monkeypatch, caplog, tmp_path):
    """``render(fence_line, path)`` -> (html, warnings) for one page holding
    that fence, as ``serve`` renders it: the hooks run a snippet the record
    lacks, then the fence renders it."""
    monkeypatch.setattr(fence, "root", FIXTURE)
    monkeypatch.setattr(fence, "live", True)
    monkeypatch.setenv("TRACED_RECORD", str(tmp_path / "no-record.json"))
    fence.forget()
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.traced")

    def _render(info: str, path: str) -> tuple[str, list[str]]:
        caplog.clear()
        md = markdown.Markdown(
            extensions=md_config.markdown_extensions, extension_configs=md_config.mdx_configs
        )
        fence.start_page("docs/fixture.md")
        text = hooks.on_page_markdown(f"```{info}\n{path}\n```\n", page=None)
        html = md.convert(text)
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        return html, warnings

    return _render


def _fails_closed(html: str, warnings: list[str], *expected: str) -> None:
    assert len(warnings) == 1, warnings
    (message,) = warnings
    assert message.startswith("traced: docs/fixture.md: snippet snippets/"), message
    for text in expected:
        assert text in message, message
    assert "could not be shown" in html
    assert "```snippet" not in html and "snippet " not in html.split("could not")[0]
    assert "Traceback" not in html


def test_good_fence_renders_source_output_tabs_and_diagram(render):
    html, warnings = render(
        'snippet compare="eager" diagram="concrete"', "snippets/prints_and_graphs.py"
    )
    assert warnings == []
    assert "double(2.0) = 4.0" in html
    assert "Output with tf.config.run_functions_eagerly(True)" in html
    assert 'class="traced-graph"' in html


@pytest.mark.parametrize("part", ["source", "output"])
def test_collapse_puts_one_part_in_a_closed_block(render, part):
    html, warnings = render(f'snippet collapse="{part}"', "snippets/prints_version.py")
    assert warnings == []
    closed = html.split('<details class="example">')[1].split("</details>")[0]
    title = "Source of snippets/prints_version.py" if part == "source" else "Output"
    assert f"<summary>{title}</summary>" in closed
    assert ("traced-output" in closed) == (part == "output")  # the other part stays open
    assert ("traced-output" in html) and ('class="filename">snippets/' in html)


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ('snippet diagrams="concrete"', "unknown option `diagrams` (did you mean `diagram`?)"),
        ('snippet compare="eagerly"', 'compare="eagerly" is not an option value'),
        ('snippet show="source"', 'show="source" is not an option value'),
        ('snippet show="output" compare="eager"', 'show="output" shows only the output'),
        ('snippet timeout="soon"', 'timeout="soon" must be a positive number'),
        ('snippet collapse="all"', 'collapse="all" is not an option value'),
        ('snippet timeout="0"', 'timeout="0" must be a positive number'),
        ('snippet diagram="missing"', "defines no global `missing` to draw"),
        ('snippet diagram="number"', "diagram `number`: cannot draw a int"),
    ],
)
def test_bad_option_fails_closed(render, info, expected):
    html, warnings = render(info, "snippets/prints_and_graphs.py")
    _fails_closed(html, warnings, "snippets/prints_and_graphs.py", expected)


def test_missing_file_fails_closed(render):
    html, warnings = render("snippet", "snippets/not_there.py")
    _fails_closed(html, warnings, "snippets/not_there.py: no such file")


def test_graph_too_large_says_the_limit(render):
    html, warnings = render('snippet diagram="concrete"', "snippets/big_graph.py")
    _fails_closed(html, warnings, "too many to draw legibly (max 60)")


def test_raising_snippet_fails_closed_without_traceback_on_page(render):
    html, warnings = render("snippet", "snippets/raises.py")
    _fails_closed(html, warnings, "raised ValueError: this snippet is broken on purpose")
    assert "Traceback" in warnings[0]  # the console gets it, the page does not
    assert str(ROOT) not in html


def test_snippet_past_its_time_limit_is_stopped(render):
    html, warnings = render('snippet timeout="2"', "snippets/never_ends.py")
    _fails_closed(html, warnings, "SnippetTimeout", "ran past its time limit of 2 s")


# --- The disk cache ---------------------------------------------------------------------


@pytest.fixture
def authoring(tmp_path, monkeypatch, render):
    """A copy of the fixture snippets and a fresh disk cache in `use` mode, as `nox -s serve`."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    monkeypatch.setattr(fence, "root", root)
    monkeypatch.setenv("TRACED_CACHE", "use")
    monkeypatch.setenv("TRACED_CACHE_DIR", str(tmp_path / "cache"))
    cache.forget()
    yield root
    cache.forget()


def test_cache_serves_unchanged_snippet_and_reruns_an_edited_one(authoring, render):
    html, _ = render("snippet", "snippets/prints_version.py")
    assert "version 1" in html and fence.cached_on_page() == 0
    fence.forget()  # the next `serve` reload: a new build
    html, _ = render("snippet", "snippets/prints_version.py")
    assert "version 1" in html
    assert fence.cached_on_page() == 1  # the provenance line will say so
    (authoring / "snippets" / "prints_version.py").write_text('print("version 2")\n')
    fence.forget()
    html, _ = render("snippet", "snippets/prints_version.py")
    assert "version 2" in html and "version 1" not in html
    assert fence.cached_on_page() == 0


@pytest.mark.parametrize("changed", ["tensorflow", "keras", "python", "device"])
def test_cache_key_changes_with_the_environment(authoring, monkeypatch, changed):
    before = cache.key(authoring, "snippets/prints_version.py", eager=False)
    env = {**provenance.environment(), changed: "something else"}
    monkeypatch.setattr(provenance, "environment", lambda: env)
    assert cache.key(authoring, "snippets/prints_version.py", eager=False) != before


def test_cache_key_holds_local_modules_flags_and_switches(tmp_path, monkeypatch):
    folder = tmp_path / "snippets"
    folder.mkdir()
    (folder / "helper.py").write_text("VALUE = 1\n")
    (folder / "uses_helper.py").write_text("import helper\n\nprint(helper.VALUE)\n")
    path = "snippets/uses_helper.py"
    first = cache.key(tmp_path, path, eager=False)
    assert cache.key(tmp_path, path, eager=True) != first
    assert cache.key(tmp_path, path, eager=False, diagrams=("g",)) != first
    monkeypatch.setenv("TRACED_QUICK", "0")
    assert cache.key(tmp_path, path, eager=False) != first
    monkeypatch.setenv("TRACED_QUICK", "1")
    (folder / "helper.py").write_text("VALUE = 2\n")
    assert cache.key(tmp_path, path, eager=False) != first


def test_tests_and_published_builds_never_read_the_cache(monkeypatch):
    for mode in ("off", "write"):
        monkeypatch.setenv("TRACED_CACHE", mode)
        assert cache.load("0" * 64) is None
    monkeypatch.setenv("TRACED_CACHE", "sometimes")
    with pytest.raises(ValueError, match="TRACED_CACHE='sometimes'"):
        cache.mode()


def test_own_process_snippet_refuses_compare_and_diagram(render, monkeypatch):
    path = "snippets/prints_and_graphs.py"
    monkeypatch.setattr(fence.catalog, "OWN_PROCESS", frozenset({path}))
    for info in ('snippet compare="eager"', 'snippet diagram="concrete"'):
        html, warnings = render(info, path)
        _fails_closed(html, warnings, path, "it runs in its own process")


def test_own_process_run_is_a_plain_run_and_reports_errors(monkeypatch):
    """``python <snippet>`` in a new interpreter: output in order, and a
    raising snippet's traceback as its error, starting at its own frame."""
    path = "snippets/raises.py"
    monkeypatch.setattr(runner.catalog, "OWN_PROCESS", frozenset({path}))
    result = runner.run_snippet(path, FIXTURE)
    assert result.namespace == {}
    assert result.error.startswith(
        'Traceback (most recent call last):\n  File "snippets/raises.py"'
    )
    assert str(FIXTURE) not in result.error + result.output
    assert result.output == "before the error\n"
    assert result.error.rstrip().endswith("ValueError: this snippet is broken on purpose")


# --- Rendering from a run record, with no hooks ---------------------------------------------


def _record_of(tmp_path: Path, *paths: str) -> Path:
    """A run record of ``paths`` under the fence fixture, made by the run
    step's own function, in this process."""
    entries = {p: execute.perform(execute.Task(p), FIXTURE) for p in paths}
    data = records.new(provenance.environment(), entries, claims="all", summary={"passed": 1})
    records.write(tmp_path / "record.json", data)
    return tmp_path / "record.json"


@pytest.fixture
def from_record(monkeypatch, tmp_path, caplog):
    """``render(text)`` through a Markdown built from mkdocs.yml's own
    ``markdown_extensions``, read as YAML (no MkDocs config, no hooks), with
    nothing allowed to run."""
    from mkdocs.utils import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        declared = yaml_load(file)["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in declared]
    configs = {next(iter(e)): e[next(iter(e))] for e in declared if isinstance(e, dict)}
    monkeypatch.setattr(fence, "root", FIXTURE)
    monkeypatch.setattr(fence, "live", False)
    fence.forget()
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.traced")

    def _render(text: str) -> tuple[str, list[str]]:
        def no_runs(*args, **kwargs):
            raise AssertionError("rendering ran a snippet")

        monkeypatch.setattr(runner, "run_snippet", no_runs)
        caplog.clear()
        fence.start_page("docs/fixture.md")
        html = markdown.Markdown(extensions=names, extension_configs=configs).convert(text)
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        return html, warnings

    yield _render
    fence.forget()


def test_page_renders_from_the_record_with_no_hooks(from_record, tmp_path, monkeypatch):
    record = _record_of(tmp_path, "snippets/prints_version.py")
    monkeypatch.setenv("TRACED_RECORD", str(record))
    html, warnings = from_record("# A page\n\n```snippet\nsnippets/prints_version.py\n```\n")
    assert warnings == []
    assert "version 1" in html and 'class="filename">snippets/prints_version.py' in html
    provenance_line = re.search(r'<p class="traced-provenance">(.*?)</p>', html).group(1)
    assert provenance_line.startswith("Every output on this page comes from one recorded run")
    assert "checked the page&#x27;s claims against that very run" in provenance_line or (
        "checked the page's claims against that very run" in provenance_line
    )


def test_snippet_missing_from_the_record_fails_closed(from_record, tmp_path, monkeypatch):
    record = _record_of(tmp_path, "snippets/prints_version.py")
    monkeypatch.setenv("TRACED_RECORD", str(record))
    html, warnings = from_record("```snippet\nsnippets/prints_and_graphs.py\n```\n")
    _fails_closed(html, warnings, "snippets/prints_and_graphs.py: not in the run record")


def test_snippet_changed_since_the_record_fails_closed(from_record, tmp_path, monkeypatch):
    record = _record_of(tmp_path, "snippets/prints_version.py")
    data = records.read(record)
    data["snippets"]["snippets/prints_version.py"]["digest"] = "0" * 64
    records.write(record, data)
    monkeypatch.setenv("TRACED_RECORD", str(record))
    html, warnings = from_record("```snippet\nsnippets/prints_version.py\n```\n")
    _fails_closed(html, warnings, "changed since the run record was made")


def test_no_record_fails_closed_naming_it(from_record, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACED_RECORD", str(tmp_path / "missing.json"))
    html, warnings = from_record("```snippet\nsnippets/prints_version.py\n```\n")
    _fails_closed(html, warnings, "no run record to render from", "missing.json")


def test_api_names_the_record_resolved_link_to_the_reference(from_record, tmp_path, monkeypatch):
    record = _record_of(tmp_path, "snippets/prints_version.py")
    data = records.read(record)
    data["api"] = {"tf.function": api_links.REFERENCE + "tf/function"}
    records.write(record, data)
    monkeypatch.setenv("TRACED_RECORD", str(record))
    html, warnings = from_record(
        "# A page\n\n## About `tf.function`\n\n"
        "Use `tf.function(f, autograph=False)` or `tf.function`, not `tf.not_a_symbol`.\n\n"
        "```snippet\nsnippets/prints_version.py\n```\n"
    )
    assert warnings == []
    link = (
        f'<a class="traced-api" href="{api_links.REFERENCE}tf/function" '
        'title="tf.function in the API reference"><code>'
    )
    assert html.count(link) == 2  # the call and the bare name
    assert "<code>tf.not_a_symbol</code>" in html  # not resolved: plain text
    heading = '<h2 id="about-tffunction">About <code>tf.function</code><a class="headerlink"'
    assert heading in html  # headings are left alone


def test_the_renderer_cannot_run_a_snippet():
    """The fence and the extension only read the record: importing them
    loads neither the runner nor the run step (``serve``'s reruns live in
    the hooks)."""
    code = (
        "import sys, traced.fence, traced.extension; "
        "print(sorted(m for m in ('traced.runner', 'traced.execute', 'tensorflow') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"


def test_illustration_says_nothing_is_claimed(from_record, tmp_path, monkeypatch):
    record = _record_of(tmp_path, "snippets/prints_version.py")
    monkeypatch.setenv("TRACED_RECORD", str(record))
    html, warnings = from_record('```snippet claims="none"\nsnippets/prints_version.py\n```\n')
    assert warnings == []
    assert (
        "An illustration, shown for reading: no claim on this page is checked against "
        "this output." in html
    )
    assert re.search(r'<p class="traced-runtime">Ran in \d+\.\d s\.</p>', html)


def test_claims_checked_on_an_output_are_listed_under_it(from_record, tmp_path, monkeypatch):
    record = _record_of(tmp_path, "snippets/prints_version.py")
    data = records.read(record)
    test = "tests/test_fixture.py::test_prints_version"
    data["tests"] = {test: "passed", "tests/test_fixture.py::test_other": "failed"}
    data["checks"] = {
        test: {
            "read": ["snippets/prints_version.py"],
            "sentences": [["fixture.md", "It prints `version 1`."], ["index.md", "Elsewhere."]],
            "line": 12,
        },
        "tests/test_fixture.py::test_other": {"read": ["snippets/other.py"], "sentences": []},
    }
    records.write(record, data)
    monkeypatch.setenv("TRACED_RECORD", str(record))
    monkeypatch.setenv("TRACED_REPO_URL", "https://github.com/o/r")
    monkeypatch.setenv("TRACED_REPO_REF", "abc123")
    html, warnings = from_record("```snippet\nsnippets/prints_version.py\n```\n")
    assert warnings == []
    mark = html.split('<details class="traced-claims">')[1].split("</details>")[0]
    assert re.fullmatch(
        r"<summary>1 claim checked on this output; ran in \d+\.\d s</summary>",
        re.search(r"<summary>.*?</summary>", mark).group(0),
    )
    assert 'href="https://github.com/o/r/blob/abc123/tests/test_fixture.py#L12"' in mark
    assert "<code>test_prints_version</code></a>, passed, guards:" in mark
    assert "<li>“It prints <code>version 1</code>.”</li>" in mark  # one sentence an item
    assert "<li>“Elsewhere.” (on index.md)</li>" in mark
    assert "test_other" not in html  # it read another output


def test_each_page_offers_a_prefilled_problem_report(from_record, tmp_path, monkeypatch):
    record = _record_of(tmp_path, "snippets/prints_version.py")
    monkeypatch.setenv("TRACED_RECORD", str(record))
    monkeypatch.setenv("TRACED_REPO_URL", "https://github.com/o/r")
    html, warnings = from_record("# A page\n\n```snippet\nsnippets/prints_version.py\n```\n")
    assert warnings == []
    link = re.search(r'<a class="traced-report" href="([^"]+)">Report a problem', html)
    assert link, html
    url = urllib.parse.urlsplit(html_lib.unescape(link.group(1)))
    assert url.geturl().startswith("https://github.com/o/r/issues/new?")
    fields = urllib.parse.parse_qs(url.query)
    assert fields["title"] == ["docs/fixture.md: "]
    body = fields["body"][0].splitlines()
    assert body[:2] == ["Page: docs/fixture.md", "Snippets: snippets/prints_version.py"]
    env = provenance.environment()
    assert re.fullmatch(
        rf"Built by: TensorFlow {re.escape(env['tensorflow'])}, Keras .+ on .+; "
        r"record of \d{4}-\d\d-\d\d",
        body[2],
    )
    assert "What I saw instead:" in body
    monkeypatch.delenv("TRACED_REPO_URL")
    fence.forget()
    html, _ = from_record("# A page\n\n```snippet\nsnippets/prints_version.py\n```\n")
    assert "Report a problem" not in html  # no repository known: no link

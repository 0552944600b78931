"""The snippet fence in-process, as markdown-exec tests its own: Markdown
with the project's extension config, every bad input failing closed, and the
run cache keyed by everything that can change an output."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import markdown
import pytest
from conftest import ROOT
from mkdocs.config import load_config

from traced import cache, fence, hooks, provenance, runner

FIXTURE = Path(__file__).parent / "fixtures" / "fence"


@pytest.fixture(scope="module")
def md_config():
    """The project's own mkdocs.yml, with the hooks' fence registered."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return hooks.on_config(config)


@pytest.fixture
def render(md_config, monkeypatch, caplog):
    """``render(fence_line, path)`` -> (html, warnings) for one page holding that fence."""
    monkeypatch.setattr(fence, "root", FIXTURE)
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.traced")

    def _render(info: str, path: str) -> tuple[str, list[str]]:
        caplog.clear()
        md = markdown.Markdown(
            extensions=md_config.markdown_extensions, extension_configs=md_config.mdx_configs
        )
        fence.start_page("docs/fixture.md")
        html = md.convert(f"```{info}\n{path}\n```\n")
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
    assert "version 1" in html and cache.stats.ran == 1
    cache.forget()  # the next `serve` reload: a new build
    html, _ = render("snippet", "snippets/prints_version.py")
    assert "version 1" in html and (cache.stats.ran, cache.stats.cached) == (0, 1)
    assert fence.cached_on_page() == 1  # the provenance line will say so
    (authoring / "snippets" / "prints_version.py").write_text('print("version 2")\n')
    cache.forget()
    html, _ = render("snippet", "snippets/prints_version.py")
    assert "version 2" in html and "version 1" not in html
    assert (cache.stats.ran, cache.stats.cached) == (1, 0)


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

"""A Markdown extension (``traced.extension`` in ``mkdocs.yml``): one job,
what a page needs around its snippets besides the fence itself.

- tell the fence which page it renders, for its messages (the page is found
  by its text among ``docs/``: a renderer need not say which file it is);
- put the provenance line under the title of every page that shows
  snippets: the run that produced its outputs (TensorFlow, Keras, Python,
  device, date), and whether the claim tests passed on that very run;
- hide the rules-of-thumb checkboxes from screen readers;
- make output blocks focusable (they scroll sideways), and link each
  snippet's title to its file in the repository when one is known;
- offer each chapter's notebook for download, under the provenance line
  (:mod:`traced.chapters` writes them);
- link inline code that names a TensorFlow or Keras symbol to its API
  reference, where the run step resolved it (:mod:`traced.api_links`);
- end each page with "Report a problem with this page": a new issue in the
  repository, prefilled with the page, its snippets and the run that built
  it, where the repository is known (``TRACED_REPO_URL``).

A Markdown extension, not an MkDocs hook, so any renderer that reads
``mkdocs.yml``'s ``markdown_extensions`` applies it.
"""

from __future__ import annotations

import html
import os
import re
import urllib.parse
from pathlib import Path

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from traced import api_links, catalog, chapters, fence, provenance, records

PLACEHOLDER = "TRACED-PROVENANCE"

# The rules-of-thumb checklists (pymdownx.tasklist) draw a disabled, checked
# box per rule: decoration, with no label of its own, which screen readers
# announce as an unlabelled control. Hide the box from them; the text stays.
_TASK_BOX = '<input type="checkbox" disabled checked/>'


def _page_of(text: str, docs: Path) -> str | None:
    """The page under ``docs`` whose Markdown is ``text``, as ``docs/<page>``."""
    wanted = text.strip()
    title = next((line for line in wanted.splitlines() if line.startswith("# ")), None)
    by_title = None
    for file in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        source = file.read_text(encoding="utf-8").strip()
        name = f"docs/{file.relative_to(docs).as_posix()}"
        if source == wanted:
            return name
        if title and by_title is None and title in source.splitlines():
            by_title = name
    return by_title


class _Provenance(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        fence.start_page(_page_of(text, fence.root / "docs") or fence.page)
        self.md.traced_page = fence.page
        report = _report_link(fence.page, catalog.embedded_paths(text))
        lines = [*lines, "", report, ""] if report else lines
        if not catalog.embedded_paths(text):
            return lines
        # Right under the page title, so a reader sees it before any output.
        at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
        stamp = ["", f'<p class="traced-provenance">{PLACEHOLDER}</p>', ""]
        page = (fence.page or "").removeprefix("docs/")
        notebook = chapters.notebook_name(page)
        # The run step writes the notebooks with the pages' other generated
        # files; a site built without them (a test's fixture) offers none.
        if (
            chapters.is_chapter(page, text)
            and (fence.root / "docs" / chapters.FOLDER / notebook).is_file()
        ):
            colab = chapters.colab_url(os.environ.get("TRACED_REPO_URL", ""), notebook)
            stamp += [
                f"[Download this chapter as a notebook]({chapters.FOLDER}/{notebook})"
                f'{{ download="{notebook}" .traced-download }}'
                + (f" or [open it in Colab]({colab}){{ .traced-colab }}" if colab else "")
                + ": its examples in page order, with the outputs shown here, ready to run.",
                "",
            ]
        return [*lines[:at], *stamp, *lines[at:]]


def _report_link(page: str, snippets: list[str]) -> str | None:
    """ "Report a problem with this page": a new issue in the repository,
    prefilled with the page, its snippets and the run that built it, and
    blanks for what the reader ran and saw. None where no repository is known."""
    repo = os.environ.get("TRACED_REPO_URL", "").rstrip("/")
    if not repo or not page.startswith("docs/"):
        return None
    try:
        data = fence.record()
    except fence.FenceError:
        data = {}
    env = data.get("environment") or {}
    built = (
        f"TensorFlow {env['tensorflow']}, Keras {env['keras']}, Python {env['python']} "
        f"on {env['device']}; record of {data.get('date', '')[:10]}"
        if env
        else "no run record"
    )
    body = "\n".join(
        [
            f"Page: {page}",
            "Snippets: " + (", ".join(dict.fromkeys(snippets)) or "none"),
            f"Built by: {built}",
            "",
            "Which output or sentence is wrong:",
            "",
            'What I ran (TensorFlow, Keras, Python, device; `python -c "import tensorflow as '
            'tf, keras; print(tf.__version__, keras.__version__)"`):',
            "",
            "What I saw instead:",
            "",
        ]
    )
    query = urllib.parse.urlencode({"title": f"{page}: ", "body": body})
    return (
        f"[Report a problem with this page]({repo}/issues/new?{query})"
        "{ .traced-report }: an output that differs on your machine, a sentence that "
        "is wrong; the form says which run built this page."
    )


# An output block's code: it scrolls sideways when wider than the screen, so
# it must be reachable by keyboard (axe: scrollable-region-focusable).
_OUTPUT_CODE = re.compile(
    r'(<div class="traced-output[^"]*">(?:(?!</div>).)*?<pre>)(<span></span>)?<code>', re.S
)
_SNIPPET_TITLE = re.compile(r'<span class="filename">(snippets/[\w/.-]+\.py)</span>')

# Inline code naming an API symbol, and the places it stays unlinked:
# headings (their text is the table of contents), links, code blocks and a
# collapsed block's summary (a link inside the control that opens it).
_INLINE_CODE = re.compile(r"<code>([^<]+)</code>")
_LEFT_ALONE = re.compile(r"(<(h[1-6]|a|pre|summary)\b[^>]*>.*?</\2>)", re.S)


def _link_api_names(text: str) -> str:
    """Link inline code that names a symbol the run step resolved in the
    release it ran (the record's ``api``) to its API reference page."""
    try:
        links = fence.record().get("api") or {}
    except fence.FenceError:
        return text  # no record: the page's fences say so
    if not links:
        return text

    def link(match: re.Match) -> str:
        name = api_links.NAME.fullmatch(html.unescape(match.group(1)).strip())
        url = links.get(name.group(1)) if name else None
        if url is None:
            return match.group(0)
        title = f"{name.group(1)} in the API reference"
        return f'<a class="traced-api" href="{url}" title="{title}">{match.group(0)}</a>'

    parts = _LEFT_ALONE.split(text)
    # split() yields text, then each left-alone region and its tag name.
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_INLINE_CODE.sub(link, part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


class _Stamp(Postprocessor):
    def run(self, text: str) -> str:
        text = text.replace(
            _TASK_BOX, '<input type="checkbox" disabled checked aria-hidden="true"/>'
        )
        text = _OUTPUT_CODE.sub(r'\1\2<code tabindex="0">', text)
        text = _SNIPPET_TITLE.sub(_linked_title, text)
        text = _link_api_names(text)
        if PLACEHOLDER in text:
            text = text.replace(PLACEHOLDER, provenance_text(fence.cached_on_page()))
        return text


def _linked_title(match: re.Match) -> str:
    """A snippet's title links to its file in the repository, at the commit
    that built the page (``TRACED_REPO_URL``, ``TRACED_REPO_REF``; CI sets
    them), and stays plain text where no repository is known."""
    path = match.group(1)
    url = provenance.source_url(path)
    if url is None:
        return match.group(0)
    return (
        f'<span class="filename"><a href="{url}" title="{path} in the repository">{path}</a></span>'
    )


def provenance_text(cached: int = 0) -> str:
    """The line under a page's title: which run produced its outputs, and
    whether the claims passed on it."""
    try:
        data = fence.record()
    except fence.FenceError:
        data = {}  # the page's fences say why; the line says what it can
    env = fence.environment() if data else provenance.environment()
    date = data.get("date", "")[:10] or provenance.build_date()
    if "SOURCE_DATE_EPOCH" in os.environ:
        date = provenance.build_date()
    text = (
        f"Every output on this page comes from one recorded run of its examples on "
        f"{date}, by TensorFlow {env['tensorflow']}, Keras {env['keras']} and "
        f"Python {env['python']} on {env['device']}."
    )
    if records.checked(data):
        scope = "the test suite" if data["claims"] == "all" else "the claim tests"
        text += f" Before publishing, {scope} checked the page's claims against that very run."
    elif data.get("claims"):
        text += " Claims about these outputs FAILED on this run: it is not for publishing."
    else:
        text += " The claims about them have not been checked on this run (an author's preview)."
    if cached:
        text += (
            f" {cached} of its outputs came from the author's run cache: runs made "
            "earlier with these same versions and sources."
        )
    return text


class TracedExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(_Provenance(md), "traced_provenance", 40)
        md.postprocessors.register(_Stamp(md), "traced_stamp", 0)


def makeExtension(**kwargs) -> TracedExtension:  # noqa: N802 (Python-Markdown's name)
    return TracedExtension(**kwargs)

"""notes/tracker-questions.md: every question names the threads it was drawn
from and a section of the site that exists."""

import re

from markdown.extensions.toc import slugify

from conftest import DOCS
from traced import catalog

NOTE = catalog.ROOT / "notes" / "tracker-questions.md"
THREAD = re.compile(r"\(https://github\.com/[\w.-]+/[\w.-]+/(issues|pull)/\d+\)")
ANSWER = re.compile(r"\(\.\./docs/([\w-]+\.md)#([\w-]+)\)")


def _anchors(page: str) -> set[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return {
        slugify(heading.replace("`", ""), "-")
        for heading in re.findall(r"^#{2,6} (.+)$", text, re.M)
    }


def test_every_tracker_question_has_threads_and_an_answer_that_exists():
    rows = re.findall(r"^\| (\d+) \|(.+)$", NOTE.read_text(encoding="utf-8"), re.M)
    assert len(rows) >= 25
    for number, row in rows:
        assert THREAD.search(row), f"question {number} names no thread"
        (page, anchor), *_ = ANSWER.findall(row) or [(None, None)]
        assert page, f"question {number} points at no section"
        assert anchor in _anchors(page), f"question {number}: {page}#{anchor} does not exist"

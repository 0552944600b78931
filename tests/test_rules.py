"""docs/rules.md: every chapter's rules of thumb, one line each, grouped by
chapter, each linked to the section that shows it. The page shows no output:
what it claims is checked on its own links and on the chapters' lists."""

import re

from markdown.extensions.toc import slugify

from conftest import DOCS, claim
from traced.claims import normal

PAGE = "rules.md"
INTRO = (
    "Here are the rules of thumb each chapter ends with, grouped by chapter, and every rule "
    "links to the section that shows it."
)
ON_HOME = (
    "[Rules, one line each](rules.md) gathers every chapter's rules of thumb, each linked to the "
    "section that shows it."
)

# A rule line: the rule, then its links to the sections that show it.
RULE = re.compile(
    r"^- (?P<rule>.+) \((?P<links>\[shown here\]\([^()\s]+\)(?: and \[here\]\([^()\s]+\))*)\)\.$"
)
LINK = re.compile(r"\]\(([^()\s]+)\)")
FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.S | re.M)
PREFIX = 40  # a shortened rule keeps at least its first 40 characters


def _text(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


def _anchors(page: str) -> set[str]:
    """The ids a link may point at on ``page``: its headings' slugs, as the
    toc extension makes them, and any explicit ``<a id>``."""
    text = FENCE.sub("", _text(page))
    headings = re.findall(r"^#{1,6} (.+?)#*\s*$", text, re.M)
    return {slugify(h.replace("`", ""), "-") for h in headings} | set(
        re.findall(r'<a id="([^"]+)"', text)
    )


def _chapter_rules() -> dict[str, list[str]]:
    """Page -> the ``- [x]`` items of its "Rules of thumb" list, whitespace
    collapsed, for every page that has one."""
    found = {}
    for file in sorted(DOCS.glob("*.md")):
        text = FENCE.sub("", file.read_text(encoding="utf-8"))
        parts = re.split(r"^## Rules of thumb[ \t]*$", text, maxsplit=1, flags=re.M)
        if len(parts) == 1 or file.name == PAGE:
            continue
        section = re.split(r"^#{1,6} ", parts[1], maxsplit=1, flags=re.M)[0]
        items = re.findall(r"^- \[x\] (.*(?:\n(?!- |\s*$).*)*)", section, re.M)
        found[file.name] = [normal(item) for item in items]
    return found


def _rule_lines() -> list[re.Match]:
    """Every list line of the page, each one a whole rule with its links."""
    lines = _text(PAGE).splitlines()
    found = []
    for number, line in enumerate(lines):
        if not line.startswith("- "):
            continue
        match = RULE.fullmatch(line)
        assert match, f"rules.md line {number + 1} does not end with its links: {line!r}"
        following = lines[number + 1] if number + 1 < len(lines) else ""
        assert not following.strip() or following.startswith("- "), (
            f"rules.md line {number + 2}: a rule continues on a second line"
        )
        found.append(match)
    return found


def _targets(match: re.Match) -> list[str]:
    return LINK.findall(match["links"])


@claim(PAGE, INTRO)
@claim("index.md", ON_HOME)
def test_every_rule_links_to_the_section_that_shows_it():
    rules = _rule_lines()
    assert len(rules) >= 70
    anchors: dict[str, set[str]] = {}
    for target in LINK.findall(_text(PAGE)):
        page, _, anchor = target.partition("#")
        assert (DOCS / page).is_file(), f"rules.md links to {page}, which does not exist"
        if anchor:
            if page not in anchors:
                anchors[page] = _anchors(page)
            assert anchor in anchors[page], f"rules.md links to {target}: no such heading"
    for rule in rules:
        targets = _targets(rule)
        assert all("#" in t for t in targets), f"{rule['rule']!r} links to no section"
        pages = {t.partition("#")[0] for t in targets}
        assert len(pages) == 1, f"{rule['rule']!r} links to sections of {sorted(pages)}"


@claim(PAGE, INTRO)
@claim("index.md", ON_HOME)
def test_every_chapters_rules_of_thumb_are_on_the_page_under_it():
    chapters = _chapter_rules()
    assert len(chapters) >= 13 and all(chapters.values()), chapters
    shown: dict[str, list[str]] = {}
    for rule in _rule_lines():
        page = _targets(rule)[0].partition("#")[0]
        shown.setdefault(page, []).append(normal(rule["rule"]))
    for page, rules in chapters.items():
        listed = shown.get(page, [])
        # One line per rule, in the chapter's order: the rule as the chapter
        # words it (its final full stop moves after the links), or shortened
        # from the same first 40 characters.
        assert len(listed) == len(rules), f"{page}: {len(rules)} rules, {len(listed)} on rules.md"
        for rule, line in zip(rules, listed, strict=True):
            whole = rule.removesuffix(".")
            assert line.startswith(whole[:PREFIX]), (
                f"{page}: rules.md has {line!r} where the chapter says {rule!r}"
            )
    # Each group holds one page's rules, that page's alone: AutoGraph, case by
    # case, whose rules have no list on the page, too.
    grouped = []
    for group in re.split(r"^## ", _text(PAGE), flags=re.M)[1:]:
        title, _, body = group.partition("\n")
        pages = {t.partition("#")[0] for t in re.findall(r"\(\[shown here\]\(([^()\s]+)\)", body)}
        assert len(pages) == 1, f"rules.md's group {title!r} links to {sorted(pages)}"
        grouped.append(pages.pop())
    assert len(grouped) == len(set(grouped)) == len(shown), grouped

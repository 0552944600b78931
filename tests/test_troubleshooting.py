"""docs/troubleshooting.md: each quoted message is in the output it quotes."""

import re

from conftest import DOCS

from traced import fence


def _entries():
    page = (DOCS / "troubleshooting.md").read_text(encoding="utf-8")
    for section in re.split(r"^## ", page, flags=re.M)[1:]:
        heading = section.splitlines()[0]
        yield heading, fence.embedded_paths(section)


def test_every_entry_quotes_a_snippet():
    entries = list(_entries())
    assert len(entries) >= 8
    assert all(len(paths) == 1 for _, paths in entries)


def test_quoted_messages_are_real(output):
    for heading, (path,) in _entries():
        for quoted in re.findall(r'"([^"]+)"', heading):
            quoted = quoted.replace("`", "")
            assert quoted in output(path).replace("`", ""), (heading, path)

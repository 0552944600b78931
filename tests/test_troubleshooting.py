"""docs/troubleshooting.md: each quoted message is in the output it quotes."""

import re

from conftest import DOCS, lines

from traced import catalog


def _entries():
    page = (DOCS / "troubleshooting.md").read_text(encoding="utf-8")
    for section in re.split(r"^## ", page, flags=re.M)[1:]:
        heading = section.splitlines()[0]
        yield heading, catalog.embedded_paths(section)


def test_every_entry_quotes_a_snippet():
    entries = list(_entries())
    assert len(entries) >= 8
    assert all(len(paths) == 1 for _, paths in entries)


# Entries keyed by a symptom rather than a message: the exact lines the entry
# describes, so each entry still asserts what its output shows.
SYMPTOMS = {
    "A side effect ran only once": ["0.9", "0.9", "traces: 1", "0.9", "0.5"],
}


def test_every_entry_asserts_its_message(output):
    for heading, (path,) in _entries():
        quoted = re.findall(r'"([^"]+)"', heading)
        out = output(path)
        if heading in SYMPTOMS:
            assert lines(out) == SYMPTOMS[heading], heading
            continue
        assert quoted, f"entry {heading!r} quotes no message and lists no symptom"
        for message in quoted:
            message = message.replace("`", "")
            assert message in out.replace("`", ""), (heading, path)

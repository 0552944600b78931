"""docs/troubleshooting.md: each entry (a ### heading, under a ## group) quotes
a message that is in the output it shows."""

import re

from conftest import DOCS, lines
from traced import catalog


def _entries():
    page = (DOCS / "troubleshooting.md").read_text(encoding="utf-8")
    for section in re.split(r"^### ", page, flags=re.M)[1:]:
        heading = section.splitlines()[0]
        yield heading, catalog.embedded_paths(section)


def test_every_entry_quotes_a_snippet():
    entries = list(_entries())
    assert all(len(paths) == 1 for _, paths in entries)
    keyed_by_message = [heading for heading, _ in entries if heading not in SYMPTOMS]
    assert len(keyed_by_message) >= 30  # the floor: 30 exact messages


# Entries keyed by a symptom rather than a message: patterns for the lines
# (consecutive, each matched in full) that show the symptom, so each entry
# still asserts what its output shows.
SYMPTOMS = {
    "A side effect ran only once": [r"0\.9", r"0\.9", r"traces: 1", r"0\.9", r"0\.5"],
    "A random number is the same on every call": [
        r"python: 10\.8444   tf\.random: 0\.\d{4}",  # the same Python number,
        r"python: 10\.8444   tf\.random: 0\.\d{4}",  # call after call
        r"python: 10\.8444   tf\.random: 0\.\d{4}",
    ],
    "A breakpoint in a `tf.function` stops in generated code": [
        r"\(Pdb\) \*\*\* NameError: name 'x' is not defined",
        r"\(Pdb\) \*\*\* NameError: name 'factor' is not defined",
    ],
}


def _has_consecutive(patterns: list[str], out: str) -> bool:
    shown = lines(out)
    return any(
        all(re.fullmatch(p, line) for p, line in zip(patterns, shown[i:], strict=False))
        for i in range(len(shown) - len(patterns) + 1)
    )


def test_every_entry_asserts_its_message(output):
    for heading, (path,) in _entries():
        quoted = re.findall(r'"([^"]+)"', heading)
        out = output(path)
        if heading in SYMPTOMS:
            assert _has_consecutive(SYMPTOMS[heading], out), heading
            continue
        assert quoted, f"entry {heading!r} quotes no message and lists no symptom"
        for message in quoted:
            message = message.replace("`", "")
            assert message in out.replace("`", ""), (heading, path)

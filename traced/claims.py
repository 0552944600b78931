"""Claims bound to sentences: one job, the link between a sentence a page
states about an output and the test that checks it.

A claim test (``tests/test_<page>.py``) names the sentences it guards,
word for word as the page's Markdown writes them, and the page each stands
on::

    @claim("eager.md", "Eager mode runs the Python body on every call.")
    def test_eager_runs_python_every_call(output): ...

- :func:`claim` marks the test; the marks are read two ways: from the test
  source without importing it (:func:`bindings`, for the pipeline's tests,
  ``python -m traced sentences`` and the Tested on page), and from the
  function while pytest runs it (``tests/conftest.py`` writes each test's
  sentences and the outputs it read into the run record's ``checks``);
- :func:`problems` says which bound sentences are no longer on their page
  (whitespace aside): a pipeline test fails on any, so editing a sentence
  means looking at its test;
- :func:`fact_sentences` finds the sentences of a page that look like they
  state a fact about an output (a number, a count, an order, "raises",
  "prints", "always", a quoted message...), for the report of what is bound
  and what is not.

Under each output a page shows, the fence lists the claims that read it
(:func:`checks_on`), so a reader sees which sentences were checked on it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from traced import catalog

ATTRIBUTE = "traced_claims"


def claim(page: str, *sentences: str):
    """Decorator: the test guards these ``sentences`` of ``docs/<page>``,
    each written exactly as on the page. Stack one per page."""
    if not sentences:
        raise TypeError("claim() needs at least one sentence")

    def mark(test):
        # Decorators apply bottom-up: keep the order they are written in.
        setattr(test, ATTRIBUTE, [*((page, s) for s in sentences), *getattr(test, ATTRIBUTE, [])])
        return test

    return mark


def normal(text: str) -> str:
    """Whitespace collapsed: a sentence wrapped over lines is the same sentence."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Binding:
    page: str
    sentence: str
    test_file: str
    test: str
    line: int

    @property
    def test_id(self) -> str:
        return f"{self.test_file}::{self.test}"


def _literal(node: ast.expr, names: dict[str, str]) -> str | None:
    """A string the decorator was given: a literal, or a module-level constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return None


def bindings(tests: Path = catalog.ROOT / "tests") -> list[Binding]:
    """Every sentence a test file binds, read from the source (no import)."""
    found = []
    for file in sorted(tests.glob("test_*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        names = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if not (
                    isinstance(decorator, ast.Call)
                    and getattr(decorator.func, "id", None) == "claim"
                    and decorator.args
                ):
                    continue
                page, *sentences = (_literal(a, names) for a in decorator.args)
                for sentence in sentences:
                    found.append(
                        Binding(
                            page or "?",
                            sentence or "?",
                            f"tests/{file.name}",
                            node.name,
                            node.lineno,
                        )
                    )
    return found


def unbound_tests(tests: Path = catalog.ROOT / "tests", pipeline=()) -> list[str]:
    """Claim tests (outside the pipeline's files) that bind no sentence."""
    bound = {(b.test_file, b.test) for b in bindings(tests)}
    missing = []
    for file in sorted(tests.glob("test_*.py")):
        if file.name in pipeline:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                if (f"tests/{file.name}", node.name) not in bound:
                    missing.append(f"tests/{file.name}::{node.name}")
    return missing


def page_text(docs: Path, page: str) -> str | None:
    file = docs / page
    return normal(file.read_text(encoding="utf-8")) if file.is_file() else None


def problems(found: list[Binding], docs: Path = catalog.DOCS) -> list[str]:
    """One line per bound sentence that is not, word for word, on its page."""
    texts: dict[str, str | None] = {}
    out = []
    for b in found:
        if b.page not in texts:
            texts[b.page] = page_text(docs, b.page)
        text = texts[b.page]
        if text is None:
            out.append(f"{b.test_id}: binds a sentence of docs/{b.page}, which does not exist")
        elif normal(b.sentence) not in text:
            out.append(f"{b.test_id}: docs/{b.page} no longer says: {b.sentence!r}")
    return out


# --- Sentences that state a fact about an output -------------------------------------

_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.S | re.M)
_FACT_WORDS = re.compile(
    r"\b(\d+(\.\d+)?|once|twice|three times|again|always|never|every|only|"
    r"raises?|raised|prints?|printed|shows?|shown|faster|slower|more|less|fewer|"
    r"times|first|last|before|after|traces?|traced|retraces?|compiles?|"
    r"fails?|failed|errors?|warns?|warning|returns?|same|differs?|holds?)\b",
    re.I,
)


def sentences(markdown: str) -> list[str]:
    """The prose sentences of a page: fences, HTML, link definitions and
    front matter left out; headings and list items each one sentence or more."""
    text = _FENCE.sub("\n\n", markdown)
    blocks = re.split(r"\n\s*\n", text)
    out = []
    for block in blocks:
        block = block.strip()
        if not block or block.startswith(("<", "[", "|", "---", "!!! ", "??? ", "=== ")):
            if not block.startswith(("!!! ", "??? ", "=== ")):
                continue
            block = block.split("\n", 1)[1] if "\n" in block else ""
        for item in re.split(r"\n(?=\s*(?:[-*] |\d+\. |#))", block):
            item = normal(re.sub(r"^\s*(?:[-*] |\d+\. |#+ )", "", item))
            for sentence in re.split(r"(?<=[.!?:])\s+(?=[A-Z`\"(*])", item):
                if sentence:
                    out.append(sentence)
    return out


def fact_sentences(markdown: str) -> list[str]:
    """Sentences that read like a statement about an output: worth a binding."""
    return [s for s in sentences(markdown) if _FACT_WORDS.search(s)]


def report(docs: Path = catalog.DOCS, tests: Path = catalog.ROOT / "tests") -> dict:
    """Per page: how many sentences are bound, and the fact-like sentences
    that no test binds (each either to bind, or to rewrite)."""
    found = bindings(tests)
    out = {}
    for page in sorted(docs.glob("*.md")):
        name = page.name
        if name == "tested-on.md":  # generated from the records: states what they hold
            continue
        bound = [normal(b.sentence) for b in found if b.page == name]
        facts = fact_sentences(page.read_text(encoding="utf-8"))
        unbound = [s for s in facts if not any(s in b or b in s for b in bound)]
        out[name] = {"bound": len(set(bound)), "fact_like": len(facts), "unbound": unbound}
    return out


def checks_on(data: dict, key: str) -> list[dict]:
    """The claims a record says were checked on one output (``path`` or
    ``path#eager``): ``[{"test", "line", "sentences", "outcome"}]``."""
    found = []
    for test, check in sorted((data.get("checks") or {}).items()):
        if key in check.get("read", []):
            found.append(
                {
                    "test": test,
                    "line": check.get("line"),
                    "sentences": check.get("sentences", []),
                    "outcome": (data.get("tests") or {}).get(test, "not run"),
                }
            )
    return found

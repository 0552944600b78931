"""docs/troubleshooting.md: each entry (a ### heading, under a ## group) quotes
a message from the output it shows; its cause is checked on that output, and
its fix on the output that shows the fix working (that entry's, or the
chapter's it links to). The index at the top lists every entry, in order."""

import re

from markdown.extensions.toc import slugify

from conftest import DOCS, ROOT, claim, lines
from traced import catalog

PAGE = "troubleshooting.md"
ATTR_ID = re.compile(r"\s*\{ #([\w-]+) \}$")  # attr_list: a heading that kept its old id
FENCE = re.compile(r'```snippet show="output"\n(\S+)\n```\n*')


def _page() -> str:
    return (DOCS / PAGE).read_text(encoding="utf-8")


def _entries():
    """(heading as written, without an explicit id; the section's text; the
    snippets it embeds) for every ### entry, in page order."""
    for section in re.split(r"^### ", _page(), flags=re.M)[1:]:
        section = re.split(r"^## ", section, flags=re.M)[0]  # not the next group's title
        heading = ATTR_ID.sub("", section.splitlines()[0])
        yield heading, section, catalog.embedded_paths(section)


def _anchors() -> list[tuple[str, str]]:
    """(group, id) of every ### entry, in page order, as the toc extension
    makes the id: the heading's slug, or the id it sets with ``{ #id }``."""
    found, group = [], None
    for line in _page().splitlines():
        if line.startswith("## "):
            group = line[3:]
        elif line.startswith("### "):
            explicit = ATTR_ID.search(line)
            heading = ATTR_ID.sub("", line[4:])
            found.append(
                (group, explicit[1] if explicit else slugify(heading.replace("`", ""), "-"))
            )
    return found


def _is(expected: str | re.Pattern, line: str) -> bool:
    if isinstance(expected, re.Pattern):
        return expected.fullmatch(line) is not None
    return line == expected


def shows(out: str, *expected: str | re.Pattern) -> None:
    """Each expected line is in ``out``, in this order (other lines may come
    between): a string is the whole line, a compiled pattern matches it whole."""
    shown, at = lines(out), 0
    for item in expected:
        found = next((i for i in range(at, len(shown)) if _is(item, shown[i])), None)
        assert found is not None, f"{item!r} is not a line after line {at} of:\n{out}"
        at = found + 1


def shows_only(out: str, *expected: str | re.Pattern) -> None:
    """``out``'s non-blank lines are exactly these, in this order."""
    shown = [line for line in lines(out) if line.strip()]
    assert len(shown) == len(expected), f"{len(expected)} lines expected:\n{out}"
    for item, line in zip(expected, shown, strict=True):
        assert _is(item, line), (item, line)


def row(*cells: str) -> re.Pattern:
    """A whole line of a case table: these cells, in this order, and nothing else."""
    return re.compile(r" +".join(re.escape(cell) for cell in cells))


def source(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


P = re.compile

# Entries keyed by a symptom rather than a message: what each output shows
# is asserted by the entry's own test below.
SYMPTOMS = {
    "A concrete function ran on a tensor of another shape",
    "A `print` in the branch not taken prints, a `raise` there fails every call",
    "A side effect ran only once",
    "A random number is the same on every call",
    "A gradient is `None` (or zero) and nothing says why",
    "A breakpoint in a `tf.function` stops in generated code",
    "Checks never fail under `jit_compile=True`",
    "`try`/`except` inside a `tf.function` does not catch `InvalidArgumentError`",
    '`print` shows `Tensor("x:0", ...)` instead of a value',
}

# Every id the page had before the index was added, which other pages, notes
# and readers' bookmarks link to: a heading reworded keeps its id with `{ #id }`.
KEPT_ANCHORS = """
triggered-tffunction-retracing binding-inputs-to-tffunction-failed
was-expected-to-be-a-float-tensor-but-is-a-int32-tensor
can-not-cast-tensorspecshape-to-tensorspecshapenone can-not-cast-10-to-literal2
unsupported-operand-types-for-nonetype-and-int
using-a-symbolic-tftensor-as-a-python-bool-is-not-allowed
must-also-be-initialized-in-the-else-branch
a-return-statement-cannot-be-placed-inside-this-tensorflow-loop before-the-loop-but-shape
autograph-could-not-transform-and-will-run-it-as-is
unable-to-locate-the-source-code-of-mangled-names-are-not-yet-supported-forelse-statement-not-yet-supported
iterating-over-a-symbolic-tftensor-is-not-allowed float-argument-must-be-a-string-or-a-real-number
condition-of-if-statement-expected-to-be-tfbool-scalar is-out-of-scope-and-cannot-be-used-here
tffunction-only-supports-singleton-tfvariables-created-on-the-first-call
tffunction-only-supports-singleton-tfvariables-from-keras-with-two-models-or-optimizers
creating-variables-on-a-non-first-call-to-a-function-decorated-with-tffunction
print-shows-tensorx0-instead-of-a-value a-side-effect-ran-only-once object-has-no-attribute-numpy
a-random-number-is-the-same-on-every-call tensor-is-unhashable-instead-use-tensorref-as-the-key
cannot-convert-a-symbolic-tftensor-to-a-numpy-array
cannot-be-accessed-from-funcgraph-which-is-out-of-scope graph-execution-error
a-breakpoint-in-a-tffunction-stops-in-generated-code
detected-infinity-or-nan-in-output-0-of-graph-op did-not-hold-element-wise
as_list-is-not-defined-on-an-unknown-tensorshape
virtual-devices-cannot-be-modified-after-being-initialized
using-mirroredstrategy-eagerly-has-significant-overhead
this-option-does-not-apply-to-tfdata-functions
detected-unsupported-operations-when-trying-to-compile
could-not-find-matching-concrete-function-to-call-loaded-from-the-savedmodel
found-zero-restored-functions-for-caller-function
""".split()


@claim(
    "troubleshooting.md",
    "Each entry starts with the message or symptom as TensorFlow prints it, then the cause in "
    "a sentence, the fix, and the chapter that explains it; last comes the output of an "
    "example run when this page was built, which shows the message or the symptom.",
)
def test_every_entry_quotes_its_output_after_cause_fix_and_chapter(output):
    entries = list(_entries())
    keyed_by_message = [heading for heading, _, _ in entries if heading not in SYMPTOMS]
    assert len(keyed_by_message) >= 50  # the issue's floor: 50 exact messages
    assert SYMPTOMS <= {heading for heading, _, _ in entries}
    for heading, section, paths in entries:
        assert len(paths) == 1, heading  # one example's output
        out = output(paths[0]).replace("`", "")
        quoted = re.findall(r'"([^"]+)"', heading)
        assert quoted or heading in SYMPTOMS, f"{heading!r} quotes no message"
        assert heading.startswith('"') or heading in SYMPTOMS, heading  # the message first
        for message in quoted:
            assert message.replace("`", "") in out, (heading, paths[0])
        # Heading, then the cause, the fix and the chapter, and the output last.
        prose, fence = section.split("\n```snippet", 1)
        assert FENCE.fullmatch("```snippet" + fence), f"{heading!r}: the output is not last"
        symptom, cause, fix = (prose.find(f"**{word}:**") for word in ("Symptom", "Cause", "Fix"))
        assert 0 < cause < fix, heading
        assert symptom == -1 or 0 < symptom < cause, heading
        assert re.search(r"See\s+\[[^\]]+\]\([\w-]+\.md", prose[fix:]), heading


@claim(
    "troubleshooting.md",
    "Look yours up in the table below, in the page's table of contents, or paste the whole "
    "line TensorFlow printed into the search box.",
)
def test_the_index_lists_every_entry_in_order():
    page = _page()
    table = page[page.index("| Message | Cause | Entry |") : page.index("\n## ")]
    rows = re.findall(r"^\| (.+) \| (.+) \| \[(.+)\]\(#([\w-]+)\) \|$", table, re.M)
    assert len(rows) == len(table.strip().splitlines()) - 2  # every row parsed
    headings = [heading for heading, _, _ in _entries()]
    anchors = _anchors()
    assert len(rows) == len(headings) == len(anchors)
    ids = [anchor for _, anchor in anchors]
    assert len(set(ids)) == len(ids)  # no two entries share an id
    for (message, cause, group, link), heading, (section, anchor) in zip(
        rows, headings, anchors, strict=True
    ):
        assert message == heading  # the quoted message, or the symptom
        assert link == anchor and group == section, (heading, link, group)
        assert len(cause.split()) <= 12, cause  # a short phrase
    assert set(KEPT_ANCHORS) <= set(ids), sorted(set(KEPT_ANCHORS) - set(ids))


# --- Retracing and signatures ------------------------------------------------------------

RETRACING_WARNING = P(
    r"WARNING:tensorflow:(\d+) out of the last \1 calls to <function shift at 0x…> triggered "
    r"tf\.function retracing\. Tracing is expensive and the excessive number of tracings could "
    r"be due to \(1\) creating @tf\.function repeatedly in a loop, \(2\) passing tensors with "
    r"different shapes, \(3\) passing Python objects instead of tensors\. For \(1\), please "
    r"define your @tf\.function outside of the loop\. For \(2\), @tf\.function has "
    r"reduce_retracing=True option that can avoid unnecessary retracing\. For \(3\), .*"
)


@claim(
    "troubleshooting.md",
    '"WARNING:tensorflow:5 out of the last 5 calls to" ... "triggered tf.function retracing"'
    " { #triggered-tffunction-retracing }",
    "**Cause:** the function is traced again and again, usually because it gets a new Python "
    "value (here an int), a new shape, or a new object on each call.",
)
def test_retracing_warning(output):
    path = "snippets/retracing/retracing_warning.py"
    out = output(path)
    assert "for amount in range(7):" in source(path)  # seven calls, a new int each
    shows_only(out, RETRACING_WARNING, RETRACING_WARNING, "traces: 7")  # seven traces
    assert [RETRACING_WARNING.fullmatch(line)[1] for line in lines(out)[:2]] == ["5", "6"]


@claim(
    "troubleshooting.md",
    "**Fix:** pass tensors for changing values, keep shapes stable or use "
    "`input_signature`/`reduce_retracing=True`, and define the `tf.function` once, outside "
    "loops.",
)
def test_retracing_fixes(output):
    out = output("snippets/retracing/python_scalars.py")
    shows(out, P(r"Python ints: +4 traces\b.*"), P(r"tensors: +1 trace\b.*"))
    out = output("snippets/retracing/new_shapes_retrace.py")
    shows(out, "traces: 3")  # three shapes, three traces
    out = output("snippets/retracing/input_signature.py")
    shows(out, "25.0", "9.0", "traces: 1")  # two lengths, one trace
    out = output("snippets/retracing/reduce_retracing.py")
    shows(out, "  tracing for shape (1,)", "  tracing for shape (None,)", "shapes:  2 traces")
    # The warning's own advice: define the tf.function outside the loop.
    out = output("snippets/retracing/retracing_warning.py")
    shows(out, RETRACING_WARNING)


@claim(
    "troubleshooting.md",
    '"TypeError: Binding inputs to tf.function failed due to" ... "Can not cast '
    'TensorSpec(shape=(2,), dtype=tf.int32" { #binding-inputs-to-tffunction-failed }',
    "**Cause:** the call does not match the function's `input_signature`: a different dtype "
    "or rank (a `None` dimension only relaxes sizes).",
)
def test_binding_inputs_failed(output):
    out = output("snippets/retracing/input_signature.py")
    failed = r"TypeError: Binding inputs to tf\.function failed due to `Can not cast "
    signature = r" to TensorSpec\(shape=\(None,\), dtype=tf\.float32, name=None\)`\. .*"
    shows_only(
        out,
        "25.0",  # length 2
        "9.0",  # length 3, the same trace
        "traces: 1",
        P(failed + r"TensorSpec\(shape=\(2,\), dtype=tf\.int32, name=None\)" + signature),
        P(failed + r"TensorSpec\(shape=\(1, 2\), dtype=tf\.float32, name=None\)" + signature),
        "traces after the rejected calls: 1",
    )


@claim(
    "troubleshooting.md",
    '"as input #0(zero-based) was expected to be a float tensor but is a int32 tensor"'
    " { #was-expected-to-be-a-float-tensor-but-is-a-int32-tensor }",
    "**Cause:** a concrete function accepts exactly the dtypes it was traced for; unlike the "
    "`tf.function`, it never traces again.",
)
def test_concrete_function_wrong_dtype(output):
    out = output("snippets/tracing/concrete_function.py")
    shows(
        out,
        "  x (POSITIONAL_OR_KEYWORD): TensorSpec(shape=(None,), dtype=tf.float32, name=None)",
        "traces: 2",
        P(
            r"InvalidArgumentError: cannot compute __inference_scale_… as input #0\(zero-based\) "
            r"was expected to be a float tensor but is a int32 tensor \[Op:__inference_scale_…\]"
        ),
    )


@claim(
    "troubleshooting.md",
    '"a scalar: Can not cast TensorSpec(shape=()" ... "to TensorSpec(shape=(None,)"'
    " { #can-not-cast-tensorspecshape-to-tensorspecshapenone }",
    "**Cause:** a scalar (rank 0) was passed where the `input_signature` says `[None]` (rank "
    "1, any length).",
    "**Fix:** `tf.reshape(x, [-1])` before the call, or `shape=None` in the `TensorSpec` for "
    "any rank.",
)
def test_scalar_for_vector_signature(output):
    out = output("snippets/retracing/scalar_for_vector_signature.py")
    shows_only(
        out,
        "a vector: 3.0",
        "a scalar: Can not cast TensorSpec(shape=(), dtype=tf.float32, name=None) "
        "to TensorSpec(shape=(None,), dtype=tf.float32, name=None)",
        "reshaped to [-1]: 5.0",
        "shape=None, a scalar: 5.0",
        "shape=None, a vector: 3.0",
    )


@claim(
    "troubleshooting.md",
    '"TypeError: Binding inputs to tf.function failed due to `Can not cast 10 to Literal[2]`"'
    " { #can-not-cast-10-to-literal2 }",
    "**Cause:** a `ConcreteFunction` was called with a Python value other than the one it was "
    "traced with: Python arguments are constants of the graph.",
    "**Fix:** call the `tf.function` itself (it traces again for the new value), or pass a tensor.",
)
def test_python_argument_fixed_in_concrete_function(output):
    out = output("snippets/tracing/python_args_fixed.py")
    shows_only(
        out,
        "6.0",
        "6.0",  # the same value again: accepted
        P(
            r"TypeError: Binding inputs to tf\.function failed due to `Can not cast 10 to "
            r"Literal\[2\]`\..*"
        ),
        "the tf.function retraces: 30.0",
    )
    # In the case table: the tf.function traces a third graph, for factor=10.
    out = output("snippets/tracing/concrete_function_cases.py")
    shows(
        out,
        row("cf(x, factor=10)", "2", "TypeError"),
        "    Binding inputs to tf.function failed due to `Can not cast 10 to Literal[2]`.",
        row("scale(x, factor=10)", "3", "ran: [10. 10. 10.]"),
    )
    assert lines(out.strip())[-6:] == [
        "  x (POSITIONAL_OR_KEYWORD): TensorSpec(shape=(3,), dtype=tf.float32, name=None)",
        "  factor (POSITIONAL_OR_KEYWORD): Literal[10]",  # the third concrete function
        "Output Type:",
        "  TensorSpec(shape=(3,), dtype=tf.float32, name=None)",
        "Captures:",
        "  None",
    ]


@claim(
    "troubleshooting.md",
    "\"unsupported operand type(s) for *: 'NoneType' and 'int'\"",
    "**Cause:** Python arithmetic on `x.shape[0]`, which is `None` while tracing for a `None` "
    "dimension.",
    "**Fix:** `tf.shape(x)[0]`, a tensor with the size when the graph runs.",
)
def test_none_dimension_arithmetic(output):
    out = output("snippets/retracing/unknown_dimensions.py")
    shows_only(
        out,
        "x.shape at trace time:   (None, 3)",
        "x.shape[0] at trace time: None",
        'tf.shape(x)[0] at trace: Tensor("strided_slice:0", shape=(), dtype=int32)',
        "tf.shape(x) when run:    [2 3]",
        "(6,)",
        "tf.shape(x) when run:    [5 3]",
        "(15,)",
        "x.shape[0] * 3 -> TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'",
    )


CONCRETE_CASES = "snippets/tracing/concrete_function_cases.py"


@claim(
    "troubleshooting.md",
    "A call that leaves out an argument fails with the same words, ending ``due to "
    "`missing a required argument: 'x'` ``.",
)
def test_binding_inputs_missing_argument(output):
    shows(
        output("snippets/tf1_code/feeds_to_arguments.py"),
        "TF2 call [1, 2, 3]: [2. 4. 6.]",
        P(
            r"TF2 no argument: TypeError: Binding inputs to tf\.function failed due to "
            r"`missing a required argument: 'x'`\..*"
        ),
    )


@claim(
    "troubleshooting.md",
    '"Can not cast TensorSpec(shape=(2,)" ... "to TensorSpec(shape=(3,)", from a concrete '
    "function { #can-not-cast-tensorspecshape2-to-tensorspecshape3-from-a-concrete-function }",
    "**Cause:** a `ConcreteFunction` was called with a tensor of a shape or dtype it was not "
    "traced for, in a call that also passes a Python argument (`factor=2`), so only the traced "
    "signature could take it.",
    "**Fix:** call the `tf.function` itself, which traces for the new shape or dtype, or get "
    "the concrete function from a `tf.TensorSpec` with `None` where sizes vary, and cast to the "
    "traced dtype.",
)
def test_concrete_function_other_shape_with_python_argument(output):
    binding = "    Binding inputs to tf.function failed due to `Can not cast "
    shows(
        output(CONCRETE_CASES),
        row("cf = gcf(f32, factor=2)", "1", "a new ConcreteFunction"),
        row("gcf(i32, factor=2)", "2", "a new ConcreteFunction"),  # a new dtype: a new trace
        row("cf(x2, factor=2)", "2", "TypeError"),
        binding + "TensorSpec(shape=(2,),",
        "    dtype=tf.float32, name=None) to TensorSpec(shape=(3,), dtype=tf.float32, name=None)`.",
        row("cf(x_int, factor=2)", "2", "TypeError"),
        binding + "TensorSpec(shape=(3,), dtype=tf.int32,",
        "    name=None) to TensorSpec(shape=(3,), dtype=tf.float32, name=None)`.",
        "  x (POSITIONAL_OR_KEYWORD): TensorSpec(shape=(3,), dtype=tf.float32, name=None)",
        "  factor (POSITIONAL_OR_KEYWORD): Literal[2]",
    )
    # From a TensorSpec with None: one concrete function for every length.
    shows(
        output("snippets/tracing/none_dimension_cases.py"),
        row("cf = total.get_concrete_function(any_length)", "1", "ConcreteFunction"),
        row("cf(tf.ones([5]))", "1", "5.0"),
    )


@claim(
    "troubleshooting.md",
    "A concrete function ran on a tensor of another shape",
    "**Cause:** a call that does not match a concrete function's signature is retried as its "
    "flat signature, which does not check shapes in an eager call: `cf(x2)` ran a graph traced "
    "for a vector of 3 on a vector of 2.",
    "**Fix:** pass tensors of the traced shape, or trace from a `tf.TensorSpec` with `None` for "
    "the dimensions that vary.",
)
def test_concrete_function_ran_on_another_shape(output):
    out = output(CONCRETE_CASES)
    assert "x, x2, x_int = tf.ones([3]), tf.ones([2]), tf.ones([3], tf.int32)" in source(
        CONCRETE_CASES
    )
    shows(
        out,
        row("cf(x, factor=2)", "2", "ran: [2. 2. 2.]"),  # the traced shape (3,)
        row("cf(x2, factor=2)", "2", "TypeError"),
        row("cf(x2)", "2", "ran: [2. 2.]"),  # no error: a vector of 2 went through
        "  x (POSITIONAL_OR_KEYWORD): TensorSpec(shape=(3,), dtype=tf.float32, name=None)",
    )
    shows(
        output("snippets/tracing/none_dimension_cases.py"),
        row("total(tf.ones([2]))", "1", "2.0"),
        row("total(tf.ones([3]))", "1", "3.0"),
        row("cf(tf.ones([5]))", "1", "5.0"),
    )


RETURN_CASES = "snippets/tracing/return_value_cases.py"


@claim(
    "troubleshooting.md",
    '"To be compatible with tf.function, Python functions must return zero or more Tensors" '
    "{ #to-be-compatible-with-tffunction }",
    "**Cause:** the function returns a Python object (on its own or inside a list, tuple or "
    "dict) that cannot be converted to a tensor.",
    "Run eagerly, the same code returns the object untouched, so it fails only when traced.",
    "**Fix:** return tensors, Python numbers or `None`, and keep other Python objects outside "
    "the `tf.function`.",
)
def test_function_returns_a_python_object(output):
    out = output(RETURN_CASES)
    shows(
        out,
        row("3", "EagerTensor int32", "int"),  # a Python number: a tensor
        row("None", "NoneType", "NoneType"),
        row("Box()", "TypeError", "Box"),  # traced: an error; eagerly: the object
        "    To be compatible with tf.function, Python functions must return zero or more "
        "Tensors or",
        "    ExtensionTypes or None values",
    )


ARGUMENT_CASES = "snippets/retracing/python_argument_cases.py"


@claim(
    "troubleshooting.md",
    '"TypeError: Could not generate a generic TraceType for" '
    "{ #could-not-generate-a-generic-tracetype }",
    "**Cause:** an argument of the `tf.function` is unhashable, so TensorFlow can key it "
    "neither by identity nor by equality: a `@dataclass` with the default `eq=True` (Python "
    "sets its `__hash__` to `None`), or any class that defines `__eq__` without `__hash__`.",
    "**Fix:** declare the dataclass `frozen=True` or `eq=False` (or define `__hash__`), or pass "
    "the values the function needs as tensors.",
)
def test_unhashable_argument(output):
    out = output(ARGUMENT_CASES)
    shows(
        out,
        row("dataclass(eq=False), mutated", "1 1", "stale: 2.0, not 3.0"),  # accepted
        row(
            "@dataclass (eq=True)",
            "TypeError: Could not generate a generic TraceType for Settings(scale=2.0)",
        ),
        row(
            "__eq__ without __hash__",
            "TypeError: Could not generate a generic TraceType for EqualityOnly(2.0)",
        ),
    )
    shows(output("snippets/retracing/python_scalars.py"), P(r"tensors: +1 trace\b.*"))


@claim(
    "troubleshooting.md",
    '"with abstract methods __eq__, __hash__", "unhashable type", '
    '"Expected an instance of TraceType" { #tracing-protocol-errors }',
    "**Cause:** a class's `__tf_tracing_type__` returns a trace type that lacks methods "
    "`tf.types.experimental.TraceType` requires (without `__eq__` and `__hash__` Python will "
    "not create it; with `__eq__` alone it is unhashable), or returns something that is not a "
    "`TraceType` at all.",
    "**Fix:** subclass `tf.types.experimental.TraceType` and implement `is_subtype_of`, "
    "`most_specific_common_supertype`, `placeholder_value`, `__eq__` and `__hash__`, with "
    "`__eq__` and `__hash__` over everything the function body reads from the object.",
)
def test_tracing_protocol_errors(output):
    shows_only(
        output("snippets/retracing/tracing_protocol.py"),
        row("case", "traces last call saw"),
        row("modes x2, x2, x3", "1 1 2", "new"),  # the five methods: keyed by mode
        row("scale not in key", "1 1", "stale: 2.0, not 10.0"),  # read, but not in the key
        row("a tensor attribute", "1 1", "stale: 2.0, not 10.0"),
        row(
            "no __eq__, __hash__",
            "TypeError: Can't instantiate abstract class Bare with "
            "abstract methods __eq__, __hash__",
        ),
        row("__eq__, no __hash__", "TypeError: unhashable type: 'EqualOnly'"),
        row(
            "returns a str",
            "TypeError: Expected an instance of TraceType for Tracing Protocol "
            "call to Config('x2')",
        ),
    )


# --- AutoGraph and Python control flow ---------------------------------------------------

SYMBOLIC_BOOL = (
    r"OperatorNotAllowedInGraphError: Using a symbolic `tf\.Tensor` as a Python `bool` is "
    r"not allowed\."
)


@claim(
    "troubleshooting.md",
    '"OperatorNotAllowedInGraphError: Using a symbolic `tf.Tensor` as a Python `bool` is not '
    'allowed" ... "your source code may not be visible to AutoGraph"'
    " { #using-a-symbolic-tftensor-as-a-python-bool-is-not-allowed }",
    "**Cause:** a tensor reached a place where Python needs `True` or `False` and AutoGraph "
    "did not convert it: a comprehension, `any`, `bool()`, an `assert` statement, a function "
    "marked `do_not_convert`, or `autograph=False` (the error is "
    "`OperatorNotAllowedInGraphError`).",
    "**Fix:** write the test as an `if` statement or a conditional expression, which "
    "AutoGraph converts, or use a TensorFlow op (`tf.boolean_mask`, `tf.reduce_any`, "
    "`tf.debugging.assert_greater`).",
)
def test_symbolic_tensor_as_bool(output):
    out = output("snippets/autograph/comprehension_not_converted.py")
    shows_only(out, P(SYMBOLIC_BOOL + " .*"))
    out = output("snippets/autograph/bool_despite_autograph.py")
    shows(
        out,
        "comprehension_filter          -> OperatorNotAllowedInGraphError",
        "comprehension_filter_fixed    -> [3. 2.]",
        "any_builtin                   -> OperatorNotAllowedInGraphError",
        "any_builtin_fixed             -> True",
        "bool_builtin                  -> OperatorNotAllowedInGraphError",
        "bool_builtin_fixed            -> True",
        "assert_statement              -> OperatorNotAllowedInGraphError",
        "assert_statement_fixed        -> 3.0",
        "conditional_expression        -> 3.0",  # converted
        "and_in_expression             -> False",
    )
    out = output("snippets/autograph/conversion_skipped.py")
    shows(out, "do_not_convert: OperatorNotAllowedInGraphError")
    out = output("snippets/autograph/autograph_false.py")
    shows(out, "autograph=False, tensor condition: OperatorNotAllowedInGraphError")
    # An `if` statement on a tensor becomes a conditional op: one trace for both signs.
    out = output("snippets/autograph/tensor_if_becomes_cond.py")
    shows(out, "tracing", "3 4", "traces: 1", P(r"ops: \[.*'StatelessIf'.*\]"))


@claim(
    "troubleshooting.md",
    '"must also be initialized in the else branch"',
    "**Cause:** a variable is defined in only one branch of a tensor `if`.",
)
def test_defined_in_one_branch(output):
    out = output("snippets/autograph/undefined_in_one_branch.py")
    shows_only(out, "ValueError: 'y' must also be initialized in the else branch")


@claim(
    "troubleshooting.md",
    '"NotImplementedError: a return statement cannot be placed inside this TensorFlow loop"'
    " { #a-return-statement-cannot-be-placed-inside-this-tensorflow-loop }",
    "**Cause:** a `return` inside a loop over a tensor, which AutoGraph turns into a loop op "
    "that cannot stop the whole function.",
    "**Fix:** `break` out of the loop and return after it.",
)
def test_return_inside_tensor_loop(output):
    out = output("snippets/autograph/return_inside_loop.py")
    shows_only(
        out,
        P(
            r"NotImplementedError: a return statement cannot be placed inside this TensorFlow "
            r"loop;.*"
        ),
    )
    path = "snippets/autograph/break_continue_return.py"
    assert re.search(r"^ +break$", source(path), re.M)
    shows(
        output(path),
        "first multiple of 3: index 3",
        "first multiple of 4: index 4",
        "first multiple of 11: index -1",
        "traces: 1",
    )


@claim(
    "troubleshooting.md",
    "\"ValueError: 'x' has shape (1,) before the loop, but shape (2,) after one iteration\"",
    "**Cause:** a variable changes shape from one iteration of a tensor loop to the next; a "
    "loop op needs a fixed shape (or a declared invariant).",
    "**Fix:** keep the shape fixed, or declare it with "
    "`tf.autograph.experimental.set_loop_options(shape_invariants=...)`.",
)
def test_loop_variable_changes_shape(output):
    out = output("snippets/autograph/loop_var_changes_shape.py")
    shows_only(
        out,
        "ValueError: 'x' has shape (1,) before the loop, but shape (2,) after one iteration. "
        "Use tf.autograph.experimental.set_loop_options to set shape invariants.",
        "fixed: [0 1 2 3]",
    )


def _could_not_transform(multiplier_lines):
    return [
        "WARNING:tensorflow:AutoGraph could not transform <function <lambda> at 0x…> and will "
        "run it as-is.",
        "Cause: could not parse the source code of <function <lambda> at 0x…>: found multiple "
        "definitions with identical signatures at the location. This error may be avoided by "
        "defining each lambda on a single line and with unique argument names. The matching "
        "definitions were:",
        "Match 0:",
        multiplier_lines[0],
        "Match 1:",
        multiplier_lines[1],
        "To silence this warning, decorate the function with "
        "@tf.autograph.experimental.do_not_convert",
    ]


@claim(
    "troubleshooting.md",
    '"AutoGraph could not transform" ... "and will run it as-is"',
    "**Cause:** AutoGraph could not read or parse the function's source, here two lambdas on "
    "one line.",
    "The function runs unconverted: fine without control flow, an error with a tensor `if` inside.",
    "**Fix:** one lambda per line, or a `def`; for code that must not be converted, "
    "`@tf.autograph.experimental.do_not_convert` silences the warning.",
)
def test_could_not_transform(output):
    out = output("snippets/autograph/could_not_transform.py")
    warning = _could_not_transform(["lambda x: x * 2", "lambda x: x * 3"])
    shows_only(out, *warning, *warning, "result: 15")  # one warning per lambda, then it ran
    # With a tensor `if` inside, the unconverted function fails.
    out = output("snippets/autograph/conversion_fallbacks.py")
    shows(
        out,
        "--- for/else",
        "Cause: for/else statement not yet supported",
        "OperatorNotAllowedInGraphError: Using a symbolic `tf.Tensor` as a Python `bool` is not "
        "allowed.",
    )


@claim(
    "troubleshooting.md",
    '"Unable to locate the source code of", "mangled names are not yet supported", '
    '"for/else statement not yet supported"',
    "**Cause:** AutoGraph could not convert a function, so it runs it as-is: its source is not "
    "in a file Python can read (typed into an interactive shell), it uses a name-mangled "
    "attribute (`self.__x`), or a loop has an `else` clause (`while/else` is named the same "
    "way).",
    "A tensor condition inside (an `if`, a `while`) then fails.",
)
def test_every_reason_autograph_runs_a_function_as_is(output):
    out = output("snippets/autograph/conversion_fallbacks.py")
    silence = "To silence this warning, decorate the function with @tf.autograph.experimental."
    silence += "do_not_convert"
    failed = "OperatorNotAllowedInGraphError: Using a symbolic `tf.Tensor` as a Python `bool` is "
    failed += "not allowed."

    def could_not_transform(name):
        return P(
            rf"WARNING:tensorflow:AutoGraph could not transform <{name}> and will run it "
            r"as-is\."
        )

    shows_only(
        out,
        "--- typed into an interactive shell",
        could_not_transform(r"function sign at 0x…"),
        P(r"Cause: Unable to locate the source code of <function sign at 0x…>\. .*"),
        silence,
        failed,
        "--- name-mangled attribute",
        could_not_transform(r"bound method Scaler\.scale of <__main__\.Scaler object at 0x…>"),
        "Cause: mangled names are not yet supported",
        silence,
        failed,
        "--- for/else",
        could_not_transform(r"function with_for_else at 0x…"),
        "Cause: for/else statement not yet supported",
        silence,
        failed,
        "--- while/else",  # its helper has a tensor `while` and no `if`
        could_not_transform(r"function with_while_else at 0x…"),
        "Cause: while/else statement not yet supported",
        silence,
        failed,
    )


@claim(
    "troubleshooting.md",
    '"Iterating over a symbolic `tf.Tensor` is not allowed"',
    "**Cause:** Python iterated over a traced tensor, here in a list comprehension, which "
    "AutoGraph leaves to Python.",
    "**Fix:** a `for` statement over `tf.range`, which AutoGraph converts, or one vectorized op.",
)
def test_iterating_over_symbolic_tensor(output):
    out = output("snippets/autograph/iterate_symbolic_tensor.py")
    shows_only(
        out,
        "OperatorNotAllowedInGraphError: Iterating over a symbolic `tf.Tensor` is not allowed.",
        "for statement: [2 4 6]",
        "one op, no loop: [2 4 6]",
    )


FLOAT_IN_CONDITION = "snippets/autograph/float_in_condition.py"


@claim(
    "troubleshooting.md",
    '"float() argument must be a string or a real number"',
    "**Cause:** `float()` (or `int()`) on a traced tensor with AutoGraph off.",
    "With AutoGraph on, `float(x)` becomes a cast and `if float(x) > 0` a `tf.cond`, with both "
    "branches traced.",
)
def test_float_on_traced_tensor(output):
    shows_only(
        output(FLOAT_IN_CONDITION),
        "first call, x = 2.0:",
        "  tracing the x > 0 branch",
        "  tracing the x <= 0 branch",
        "result: 2.0",
        "second call, x = -3.0 (no trace: the graph holds both branches):",
        "result: 3.0",
        "traces: 1",
        "autograph=False: TypeError: float() argument must be a string or a real number, not "
        "'SymbolicTensor'",
        P(r"a vector: ValueError: .*"),
    )
    out = output("snippets/autograph/builtins_on_tensors.py")
    shows(
        out,
        "autograph=True:",
        "  float(x)           -> float32 tensor 3.0",  # a cast
        "autograph=False:",
        "  float(x)           -> TypeError",
        "  int(x)             -> TypeError",
    )


@claim(
    "troubleshooting.md",
    "**Fix:** compare the tensor (`if x > 0`) and let AutoGraph convert the `if`.",
)
def test_tensor_if_is_converted(output):
    out = output("snippets/autograph/tensor_if_becomes_cond.py")
    assert "    if x >= 0:" in source("snippets/autograph/tensor_if_becomes_cond.py")
    shows(out, "tracing", "3 4", "traces: 1", P(r"ops: \[.*'StatelessIf'.*\]"))


@claim(
    "troubleshooting.md",
    '"condition of if statement expected to be `tf.bool` scalar"',
    "**Cause:** a tensor `if` got a condition with more than one element (a vector); a graph "
    "branch needs one boolean.",
)
def test_vector_condition(output):
    shows(
        output(FLOAT_IN_CONDITION),
        "traces: 1",
        P(
            r"a vector: ValueError: condition of if statement expected to be `tf\.bool` scalar, "
            r'got Tensor\("Greater:0", shape=\(2,\), dtype=bool\); .*'
        ),
    )


BRANCH_CASES = "snippets/autograph/branch_mismatch_cases.py"
LOOP_VARIABLE_CASES = "snippets/autograph/loop_variable_cases.py"
LOOP_ZERO_CASES = "snippets/autograph/loop_zero_times_cases.py"


@claim(
    "troubleshooting.md",
    "When only the `else` branch sets it, the message names the main branch.",
    "Every other way the two branches can disagree is tabled in [AutoGraph, case by "
    "case](autograph-cases.md#when-the-branches-of-a-tensor-if-disagree).",
)
def test_defined_in_the_else_branch_only(output):
    shows(
        output(BRANCH_CASES),
        row("y only in the if", "ValueError", "'y' must also be initialized in the else branch"),
        row("y only in the else", "ValueError", "'y' must also be initialized in the main branch"),
        row(
            "int32 vs float32",
            "TypeError",
            "'y' has dtype int32 in the main branch, but dtype float32 in the else branch",
        ),
        row("None vs tensor", "ValueError", "'y' is None at the end of the main branch."),
    )


@claim(
    "troubleshooting.md",
    "\"'y' has dtype int32 in the main branch, but dtype float32 in the else branch\" "
    "{ #dtype-differs-between-branches }",
    "**Cause:** the two branches of a tensor `if` give a variable (or the function's result, "
    "which the message calls `retval_`) different dtypes; a Python `0` in one branch becomes "
    "an int32 tensor.",
    "**Fix:** give it one dtype on every path: `0.0` rather than `0` beside a float, or `tf.cast`.",
)
def test_branches_with_different_dtypes(output):
    message = "'y' has dtype int32 in the main branch, but dtype float32 in the else branch"
    shows(
        output(BRANCH_CASES),
        row("int32 vs float32", "TypeError", message),
        row("0 vs float32", "TypeError", message),  # a Python 0: an int32 tensor
        row("0.0 vs float32", "ok", "float32, shape ()"),  # the fix
        row(
            "return x vs 0",
            "TypeError",
            "'retval_' has dtype float32 in the main branch, but dtype int32 in the else…",
        ),
    )


@claim(
    "troubleshooting.md",
    '"is None at the end of the main branch", "must have the same nested structure in the main '
    'and else branches" { #none-or-another-structure-in-one-branch }',
    "**Cause:** a variable (or the result, `retval_`) has a different structure in the two "
    "branches of a tensor `if`: `None` in one and a tensor in the other, or tuples of different "
    "lengths.",
    "**Fix:** give it the same structure on every path: a tensor (such as `tf.zeros_like(x)`) "
    "instead of `None`, and tuples of one length.",
)
def test_branches_with_different_structures(output):
    shows(
        output(BRANCH_CASES),
        row("1 vs 2", "ok", "int32, shape ()"),  # a tensor on both paths
        row("None vs tensor", "ValueError", "'y' is None at the end of the main branch."),
        row(
            "(x,) vs (x, x)",
            "TypeError",
            "'y' must have the same nested structure in the main and else branches:",
        ),
        row("shape (2,) vs (3,)", "ok", "float32, shape (None,)"),
        row(
            "return (x, x) vs x",
            "TypeError",
            "'retval_' must have the same nested structure in the main and else branches:",
        ),
        row("return x vs None", "ValueError", "'retval_' is None at the end of the else branch."),
    )


@claim(
    "troubleshooting.md",
    '"the else branch must also have a return statement"',
    "**Cause:** a `return` under a tensor `if` with no `return` on the other path, also when "
    "that `if` sits in a loop over a Python list or `range`.",
    "**Fix:** return on every path (a `return` after the `if`), or store the result and return "
    "it once, after the loop.",
)
def test_return_on_one_path(output):
    message = "the else branch must also have a return statement."
    shows(
        output(BRANCH_CASES),
        row("return only in if", "ValueError", message),
        row("early return", "ok", "float32, shape ()"),  # a return after the if
    )
    early = "def early_return(x):\n    if x > 0:\n        return x\n    y = -x\n    return y\n"
    assert early in source(BRANCH_CASES)  # a return on the other path, after the if
    shows(
        output("snippets/autograph/loop_exit_cases.py"),
        row("return, Python list", "ValueError", message),
    )


@claim(
    "troubleshooting.md",
    "\"ValueError: 'x' has shape (1,) before the loop, but shape (2,) after one iteration\" "
    "{ #before-the-loop-but-shape }",
)
def test_loop_variable_changes_shape_in_the_table(output):
    shows(
        output(LOOP_VARIABLE_CASES),
        row(
            "shape: while",
            "ValueError",
            "'x' has shape (1,) before the loop, but shape (2,) after one iteration.",
        ),
        row("+ set_loop_options", "ok", "[0 0 1 2]"),
    )


@claim(
    "troubleshooting.md",
    '"has dtype int32 before the loop, but dtype float32 after one iteration", "does not have '
    'the same nested structure after one iteration" { #dtype-or-structure-changes-in-a-loop }',
    "**Cause:** a variable carried through a tensor loop changes dtype, or changes structure (a "
    "tuple that grows), from one iteration to the next.",
    "**Fix:** start it with the dtype and structure it keeps: `0.0` for a float, a cast before "
    "the loop, a tuple of its final length.",
)
def test_loop_variable_changes_dtype_or_structure(output):
    shows(
        output(LOOP_VARIABLE_CASES),
        row(
            "dtype: while",
            "TypeError",
            "'x' has dtype int32 before the loop, but dtype float32 after one iteration",
        ),
        row("0.0, then x + 0.5", "ok", "1.5"),  # started as a float: it stays one
        row(
            "(x,), then (i, i)",
            "TypeError",
            "'x' does not have the same nested structure after one iteration.",
        ),
    )


@claim(
    "troubleshooting.md",
    '"enters the loop with shape", "enters the loop with type" '
    "{ #enters-the-loop-with-shape-or-type }",
    "**Cause:** the body of a `tf.while_loop` called directly returns a loop variable with "
    "another shape, or another dtype, than it entered with.",
    "**Fix:** for a shape, pass `shape_invariants` with `None` where it varies; for a dtype, "
    "cast the initial value to the dtype the body returns.",
)
def test_tf_while_loop_variable_changes(output):
    shows(
        output(LOOP_VARIABLE_CASES),
        row(
            "shape: tf.while_loop",
            "ValueError",
            "Input tensor `Const:0` enters the loop with shape (1,), but has shape (2,)…",
        ),
        row("+ shape_invariants", "ok", "[0 0 1 2]"),
        row(
            "dtype: tf.while_loop",
            "TypeError",
            "Loop var Const:0 enters the loop with type <dtype: 'int32'> but has type…",
        ),
        row("0.0, then x + 0.5", "ok", "1.5"),
    )


@claim(
    "troubleshooting.md",
    "\"Input 'y' of 'AddV2' Op has type float32 that does not match type int32\"",
    "**Cause:** an op got an int32 and a float32 tensor; in a tensor loop, a variable that "
    "started as a Python `0` became an int32 tensor, and `x + 0.5` adds a float to it.",
    "**Fix:** start it as `0.0`, or cast one side (`tf.cast(x, tf.float32)`).",
)
def test_int_plus_float_in_a_loop(output):
    shows(
        output(LOOP_VARIABLE_CASES),
        row(
            "0, then x + 0.5",
            "TypeError",
            "Input 'y' of 'AddV2' Op has type float32 that does not match type int32 of…",
        ),
        row("0.0, then x + 0.5", "ok", "1.5"),
    )


@claim(
    "troubleshooting.md",
    '"Trying to modify element 2 in a list with 2 elements"',
    "**Cause:** a loop wrote past the fixed `size` of a `tf.TensorArray`; it fails when the "
    "graph runs (`InvalidArgumentError`), not while tracing.",
    "**Fix:** give `size` the number of writes, or `size=0, dynamic_size=True`.",
)
def test_tensor_array_written_past_its_size(output):
    shows(
        output("snippets/autograph/tensor_array_size_cases.py"),
        row("size=3", "3", "ok", "[[0, 0], [1, 1], [2, 2]]"),
        row(
            "size=2",
            "3",
            "InvalidArgumentError",
            "Trying to modify element 2 in a list with 2 elements.",
        ),
        row(
            "size=0",
            "3",
            "InvalidArgumentError",
            "Trying to modify element 0 in a list with 0 elements.",
        ),
        row("size=0, dynamic_size=True", "3", "ok", "[[0, 0], [1, 1], [2, 2]]"),
    )
    shown = lines(output("snippets/autograph/tensor_array_size_cases.py").strip())
    assert row("size=3", "0", "ok", "[[0, 0], [0, 0], [0, 0]]").fullmatch(shown[-2])
    assert row("size=0, dynamic_size=True", "0", "ok", "[]").fullmatch(shown[-1])  # no writes


@claim(
    "troubleshooting.md",
    "The same error comes from a Python list appended to inside a tensor loop (`for i in "
    "tf.range(n)`); see [Collecting values in a tensor "
    "loop](autograph-cases.md#collecting-values-in-a-tensor-loop).",
)
def test_list_appended_in_a_tensor_loop(output):
    shows(
        output("snippets/autograph/tensor_array_size_cases.py"),
        row(
            "Python list, append",
            "3",
            "InaccessibleTensorError",
            "<tf.Tensor …> is out of scope and cannot be used here.",
        ),
    )


@claim(
    "troubleshooting.md",
    '"PartialTensorShape: Incompatible shapes during merge", "Tried to set a tensor with '
    'incompatible shape at a", "Inconsistent shapes: saw (2,) but expected (1,)" '
    "{ #tensorarray-elements-of-different-shapes }",
    "**Cause:** a `tf.TensorArray` got elements of different shapes: `stack()` needs one shape "
    "whatever the options (the first message, when the graph runs), a fixed `element_shape` "
    "rejects others (the second), and, for shapes known while tracing, the array keeps the "
    "first element's shape (the third, even with `element_shape=[None]`).",
    "**Fix:** read with `concat()` or `read(i)`, add `infer_shape=False` for writes a Python "
    "loop unrolls, or pad the elements to one shape before `stack()`.",
)
def test_tensor_array_elements_of_different_shapes(output):
    merge = "PartialTensorShape: Incompatible shapes during merge:…"
    shows_only(
        output("snippets/autograph/tensor_array_shape_cases.py"),
        row("options", "read", "outcome", "TensorFlow's message, or what the read returns"),
        "--- written in a tf.range loop",
        row("(defaults)", "stack()", "InvalidArgumentError", merge),
        row("infer_shape=False", "stack()", "InvalidArgumentError", merge),
        row("element_shape=[None]", "stack()", "InvalidArgumentError", merge),
        row(
            "element_shape=[2]",
            "stack()",
            "InvalidArgumentError",
            "Tried to set a tensor with incompatible shape at a…",
        ),
        row("(defaults)", "concat()", "ok", "[1. 1. 1. 1. 1. 1.]"),
        row("(defaults)", "read(2)", "ok", "[1. 1. 1.]"),
        "--- written by a Python loop (unrolled)",
        row(
            "(defaults)",
            "concat()",
            "ValueError",
            "Inconsistent shapes: saw (2,) but expected (1,)",
        ),
        row(
            "element_shape=[None]",
            "concat()",
            "ValueError",
            "Inconsistent shapes: saw (2,) but expected (1,)",
        ),
        row("infer_shape=False", "concat()", "ok", "[1. 1. 1. 1. 1. 1.]"),
        row("infer_shape=False", "stack()", "InvalidArgumentError", merge),
    )


@claim(
    "troubleshooting.md",
    '"The condition of while loop started as non-Tensor, then changed", "break and return '
    'statements which depend on a TF condition are" { #break-on-a-tensor-in-a-python-loop }',
    "**Cause:** a `break` (or `return`) that depends on a tensor inside a Python loop: `while "
    "True:`, or a `for` over a Python list or `range`, which tracing unrolls and cannot stop on "
    "a value it does not have.",
    "**Fix:** make it a tensor loop: put the tensor test in the `while` condition, or loop over "
    "`tf.range`.",
)
def test_tensor_break_in_a_python_loop(output):
    depends = "break and return statements which depend on a TF condition are…"
    shows(
        output("snippets/autograph/loop_exit_cases.py"),
        row("break, tf.range", "ok", "3"),  # a tensor loop stops on a tensor
        row("break, over a tensor", "ok", "3"),
        row(
            "break, while True",
            "NotImplementedError",
            "The condition of while loop started as non-Tensor, then changed…",
        ),
        row("break, Python list", "NotImplementedError", depends),
        row("break, Python range", "NotImplementedError", depends),
    )


@claim(
    "troubleshooting.md",
    '"assertion failed: [loop must iterate at least once to initialize y]" '
    "{ #loop-must-iterate-at-least-once-to-initialize }",
    "**Cause:** a variable first assigned inside a tensor loop, read after a loop that ran zero "
    "times: an assertion AutoGraph put in the graph fails when it runs "
    "(`InvalidArgumentError`), also when the variable was set to `None` before the loop.",
    "**Fix:** give it a real value of its dtype and shape before the loop.",
)
def test_loop_ran_zero_times(output):
    failed = "assertion failed: [loop must iterate at least once to initialize y]"
    shows(
        output(LOOP_ZERO_CASES),
        row("total += i, n=0", "ok", "0"),  # a value before the loop
        row("y only in loop, n=3", "ok", "4"),
        row("y only in loop, n=0", "InvalidArgumentError", failed),
        row("y = None first, n=0", "InvalidArgumentError", failed),
    )
    # Each tf.range function traced once for n = 3 and n = 0: the check runs with the graph.
    shown = lines(output(LOOP_ZERO_CASES).strip())
    assert shown[-1] == "traces of each tf.range function, n=3 and n=0 together: [1, 1, 1, 1]"


@claim(
    "troubleshooting.md",
    "\"'y' is used before assignment\"",
    "**Cause:** an `UnboundLocalError` while tracing: a variable first assigned in a loop over a "
    "Python list that was empty, so the unrolled loop has no body.",
    "**Fix:** give the variable a value before the loop.",
)
def test_python_loop_ran_zero_times(output):
    shows(
        output(LOOP_ZERO_CASES),
        row("total += i, n=0", "ok", "0"),
        row("y only in loop, []", "UnboundLocalError", "'y' is used before assignment"),
    )


@claim(
    "troubleshooting.md",
    "A `print` in the branch not taken prints, a `raise` there fails every call",
    "**Symptom:** a `print` or list append in the branch the input does not take runs anyway, "
    "and a `raise` there fails for every input, even those whose branch never reaches it.",
    "**Cause:** a tensor `if` traces both branches, so their Python statements run while "
    "tracing; only ops (`tf.print`, `v.assign_add`) wait for their branch.",
    "**Fix:** use ops for what must depend on the value: `tf.print`, and "
    "`tf.debugging.assert_positive` (or another `tf.debugging.assert_*`) instead of `raise`.",
)
def test_branch_not_taken(output):
    shows_only(
        output("snippets/autograph/branch_not_taken_cases.py"),
        row("statement in the else", "f(3): traces, runs if", "f(-3): runs else", "traces"),
        row('print("else")', "ran", "did not run", "1"),
        row('tf.print("else")', "did not run", "ran", "1"),
        row("v.assign_add(1)", "did not run", "ran", "1"),
        row('calls.append("else")', "ran", "did not run", "1"),
        row(
            'raise ValueError("...")',
            "ValueError: x must be positive",
            "ValueError: x must be positive",
            "0",
        ),
    )
    # The op-made check: it fails only when the graph runs, on a failing input.
    shows(
        output("snippets/debugging/check_cases.py"),
        row(
            "assert_positive",
            "tf.function",
            "[1 2]",
            "run",
            "InvalidArgumentError: assertion failed: [] [Condition x > …",
        ),
    )


# --- Side effects, state and variables ---------------------------------------------------

ESCAPED = "<tf.Tensor 'mul:0' shape=() dtype=int32>"


@claim(
    "troubleshooting.md",
    '"is out of scope and cannot be used here"',
    "**Cause:** a tensor created inside a `tf.function` (here appended to a list) was used "
    "outside the graph that created it.",
)
def test_tensor_out_of_scope(output):
    out = output("snippets/side_effects/list_append_escapes.py")
    shows_only(
        out,
        f"list after 3 calls: [{ESCAPED}]",
        P(re.escape(f"TypeError: {ESCAPED} is out of scope and cannot be used here.") + ".*"),
    )


@claim(
    "troubleshooting.md",
    "**Fix:** return it from the function; collect values in a loop with a `tf.TensorArray`.",
)
def test_return_values_and_tensor_array(output):
    path = "snippets/side_effects/return_values_instead.py"
    assert "tf.TensorArray(" in source(path) and "return out.stack()" in source(path)
    shows(output(path), "[2 4 6]", "[ 8 10]")


SINGLETON = P(
    r"ValueError: tf\.function only supports singleton tf\.Variables created on the first "
    r"call\. .*"
)


@claim(
    "troubleshooting.md",
    '"tf.function only supports singleton tf.Variables created on the first call"',
    "**Cause:** the function creates a `tf.Variable` on a call or trace other than the first.",
    "**Fix:** create variables outside the function, or once, guarded by `if self.v is None`.",
)
def test_variable_created_on_a_later_trace(output):
    out = output("snippets/side_effects/variables_in_tf_function.py")
    shows_only(
        out,
        SINGLETON,
        "first call: 1.0",
        "traces after one call: 2",  # a first call can trace twice
        "second call: 3.0",  # the guarded variable, created once, kept its value
        "traces after two calls: 2",
    )


@claim(
    "troubleshooting.md",
    '"tf.function only supports singleton tf.Variables", from Keras with two models or optimizers',
    "**Cause:** one `tf.function` train step was called with a second model or optimizer, "
    "which created its variables in a later trace.",
    "**Fix:** make one `tf.function` per model/optimizer pair and call `optimizer.build(...)` "
    "before the first step.",
)
def test_keras_second_optimizer(output):
    # The first call printed nothing: only the second model's call failed.
    shows_only(output("snippets/side_effects/keras_singleton_variables.py"), SINGLETON)
    path = "snippets/side_effects/keras_singleton_fix.py"
    assert "optimizer.build(model.trainable_variables)" in source(path)
    shows(output(path), "first model trained; traces: 1", "second model trained; traces: 1")


@claim(
    "troubleshooting.md",
    '"Creating variables on a non-first call to a function decorated with tf.function"',
    "**Cause:** the first call created no variable, and a later call (a new trace) did.",
    "**Fix:** create the variable outside the function, once.",
)
def test_variable_on_a_later_call(output):
    out = output("snippets/side_effects/variable_on_later_call.py")
    shows_only(
        out,
        "first call: 0",
        "ValueError: Creating variables on a non-first call to a function decorated with "
        "tf.function.",
        "fixed: 0 1 2",
    )


PRINT_VS_TF_PRINT = "snippets/side_effects/print_vs_tf_print.py"
PRINTED = (
    'print sees:    Tensor("x:0", shape=(2,), dtype=int32)',  # the first call: a trace
    "tf.print sees: [1 2]",
    "tf.print sees: [3 4]",
    'print sees:    Tensor("x:0", shape=(3,), dtype=int32)',  # a new shape: a trace
    "tf.print sees: [5 6 7]",
)


@claim(
    "troubleshooting.md",
    '`print` shows `Tensor("x:0", ...)` instead of a value',
    "**Cause:** Python's `print` runs while tracing, when tensors are symbolic.",
    "**Fix:** use `tf.print` to print values each time the graph runs.",
)
def test_print_shows_a_symbolic_tensor(output):
    shows_only(output(PRINT_VS_TF_PRINT), *PRINTED)  # print per trace, tf.print per call


@claim(
    "troubleshooting.md",
    "A side effect ran only once",
    "**Symptom:** a `print`, a list append or a changed global takes effect on the first call, "
    "and after that only when the function traces again; below, changing `learning_rate` did "
    "not change the result.",
    "**Cause:** Python side effects run while tracing; later calls run the graph.",
)
def test_side_effect_ran_once(output):
    out = output("snippets/side_effects/globals_frozen.py")
    shows(out, "0.9", "0.9", "traces: 1")  # learning_rate 0.1, then 0.5: the same result
    # print: on the first call and on the call with a new shape, the two traces.
    shown = lines(output(PRINT_VS_TF_PRINT))
    assert [i for i, line in enumerate(shown) if line.startswith("print sees:")] == [0, 3]
    out = output("snippets/side_effects/list_append_escapes.py")
    shows(out, f"list after 3 calls: [{ESCAPED}]")  # one append for three calls


@claim(
    "troubleshooting.md",
    "**Fix:** use TensorFlow ops for anything that must happen every call: `tf.print`, "
    "`tf.Variable.assign`, return values.",
)
def test_tensorflow_ops_run_every_call(output):
    shows_only(output(PRINT_VS_TF_PRINT), *PRINTED)
    out = output("snippets/side_effects/globals_frozen.py")
    shows_only(out, "0.9", "0.9", "traces: 1", "0.9", "0.5")  # lr.assign(0.5) is seen
    shows(output("snippets/side_effects/return_values_instead.py"), "[2 4 6]", "[ 8 10]")


@claim(
    "troubleshooting.md",
    "\"AttributeError: 'SymbolicTensor' object has no attribute 'numpy'\" "
    "{ #object-has-no-attribute-numpy }",
    "**Cause:** `.numpy()` inside a `tf.function`: while tracing, tensors are symbolic and "
    "have no value.",
    "**Fix:** compute with TensorFlow ops, and call `.numpy()` on the result, outside.",
)
def test_numpy_while_tracing(output):
    out = output("snippets/side_effects/numpy_in_graph.py")
    shows(
        out,
        "AttributeError: in user code:",
        "    AttributeError: 'SymbolicTensor' object has no attribute 'numpy'",
        "fixed: 3.0",
    )
    assert lines(out.strip())[-1] == "fixed: 3.0"


@claim(
    "troubleshooting.md",
    "The same error comes from a function given to `Dataset.map`, which is traced too: see "
    "[Where graphs hide](where-graphs-hide.md#tfpy_function-the-escape-hatch) for "
    "`tf.py_function`, the way to run Python on each element.",
)
def test_numpy_in_dataset_map(output):
    out = output("snippets/hidden_graphs/py_function_escape.py")
    shows(
        out,
        "map(features):     AttributeError: 'SymbolicTensor' object has no attribute 'numpy'",
        "first two: [[0.0, 0.0], [1.0, 1.0]]",  # features(0), features(1), run by Python
    )


@claim(
    "troubleshooting.md",
    "A random number is the same on every call",
    "**Cause:** Python's `random` ran once, while tracing, and the graph holds the number it "
    "drew then.",
    "**Fix:** draw with `tf.random` ops (or a `tf.random.Generator`), which run on every call.",
)
def test_random_number_frozen(output):
    out = output("snippets/side_effects/iterators_and_random.py")
    draws = re.findall(r"^python: (\S+)   tf\.random: (\S+)$", out, re.M)
    assert [python for python, _ in draws] == ["10.8444"] * 3  # one number, three calls
    assert len({tf_random for _, tf_random in draws}) == 3  # a new number each call
    out = output("snippets/hidden_graphs/random_in_graphs.py")
    assert re.search(
        r"^tf\.random\.Generator: \[.+\] then \[.+\]\n"
        r"  same on every call: False; rebuilt, first call repeats: True$",
        out,
        re.M,
    )


@claim(
    "troubleshooting.md",
    '"Tensor is unhashable. Instead, use tensor.ref() as the key."',
    "**Cause:** a tensor was used as a dict key.",
    "**Fix:** to look up by value in a graph, use a `tf.lookup` table built once outside the "
    "function; to key by the tensor object itself, `tensor.ref()`.",
)
def test_tensor_as_dict_key(output):
    out = output("snippets/side_effects/tensor_as_dict_key.py")
    shows_only(
        out,
        "TypeError: Tensor is unhashable. Instead, use tensor.ref() as the key.",
        "fixed: ['one', 'two', 'unknown']",
    )


@claim(
    "troubleshooting.md",
    '"NotImplementedError: Cannot convert a symbolic tf.Tensor" ... "to a numpy array"'
    " { #cannot-convert-a-symbolic-tftensor-to-a-numpy-array }",
    "**Cause:** a NumPy function was called on a traced tensor, which has no values yet.",
    "**Fix:** the TensorFlow op for the same computation (here `tf.math.reduce_std`).",
)
def test_numpy_call_on_traced_tensor(output):
    path = "snippets/side_effects/numpy_call_in_graph.py"
    assert "tf.math.reduce_std(" in source(path)
    shows_only(
        output(path),
        P(
            r"NotImplementedError: Cannot convert a symbolic tf\.Tensor \(x:0\) to a numpy "
            r"array\..*"
        ),
        "fixed: 1.118034",  # the standard deviation of 1, 2, 3, 4
    )


@claim(
    "troubleshooting.md",
    '"cannot be accessed from FuncGraph" ... "which is out of scope"',
    "**Cause:** a tensor created inside a converted loop was stored on an object and read "
    "after the loop.",
    "**Fix:** carry it as a loop variable, or return it.",
)
def test_inaccessible_tensor(output):
    out = output("snippets/side_effects/inaccessible_tensor.py")
    shows_only(
        out,
        P(
            r"InaccessibleTensorError: The tensor <tf\.Tensor 'while/mul:0' shape=\(\) "
            r"dtype=int32> cannot be accessed from FuncGraph\(name=loop, id=…\), because it "
            r"was defined in FuncGraph\(name=while_body_…, id=…\), which is out of scope\."
        ),
        "fixed: 4",  # the last i * 2 for i in 0, 1, 2
    )


DISABLE_EAGER = "snippets/tf1_code/disable_eager_execution.py"


@claim(
    "troubleshooting.md",
    "With `tf.compat.v1.disable_eager_execution()` every tensor is symbolic, and `.numpy()` "
    "fails outside any function too: see [`disable_eager_execution()` turns TF1 on for the "
    "whole program](tf1-code.md#disable_eager_execution-turns-tf1-on-for-the-whole-program).",
)
def test_numpy_with_eager_execution_off(output):
    shows(
        output(DISABLE_EAGER),
        "tf.executing_eagerly(): False",
        'tf.constant:   Tensor("Const:0", shape=(2,), dtype=float32)',
        ".numpy():      AttributeError: 'SymbolicTensor' object has no attribute 'numpy'",
    )


# --- Gradients ---------------------------------------------------------------------------


@claim(
    "troubleshooting.md",
    '"RuntimeError: A non-persistent GradientTape can only be used to compute one set of '
    'gradients" { #non-persistent-gradienttape }',
    "**Cause:** `tape.gradient` (or `tape.jacobian`) was called a second time on a tape that "
    "frees its record after the first call.",
    "**Fix:** ask for every source and target in one call, or create the tape with "
    "`tf.GradientTape(persistent=True)` and `del` it when done.",
)
def test_tape_used_twice(output):
    shows_only(
        output("snippets/gradients/tape_used_twice.py"),
        "dy/dw: 6.0",  # the first call
        "RuntimeError: A non-persistent GradientTape can only be used to compute one set of "
        "gradients (or jacobians)",
        "d(y + z)/dw in one call: 33.0",
        "persistent, dy/dw: 6.0",
        "persistent, dz/dw: 27.0",
    )


NONE_GRADIENTS = "snippets/gradients/none_gradients.py"
WATCHED_INT = (
    "WARNING:tensorflow:The dtype of the watched tensor must be floating (e.g. tf.float32), "
    "got tf.int32"
)


@claim(
    "troubleshooting.md",
    '"WARNING:tensorflow:The dtype of the watched tensor must be floating (e.g. tf.float32), '
    'got tf.int32" { #watched-tensor-must-be-floating }',
    "**Cause:** `tape.watch` was given an integer tensor or variable: a tape never watches "
    "integers, so every gradient with respect to it is `None` (without `tape.watch` there is "
    "no warning, only the `None`).",
    "**Fix:** make the source a float (`tf.cast(x, tf.float32)` before the tape, or a float "
    "`tf.Variable`).",
)
def test_watched_integer(output):
    shown = lines(output(NONE_GRADIENTS))
    shows(
        output(NONE_GRADIENTS),
        row("float32 variable (the reference)", "4.0", "4.0"),
        row("float32 constant, tape.watch", "4.0", "4.0"),  # a float: watched
        row("int32 constant", "None", "None"),  # no tape.watch: no warning
        WATCHED_INT,  # eagerly, then in the tf.function
        WATCHED_INT,
        row("int32 constant, tape.watch", "None", "None"),
        row("int32 variable", "None", "None"),
        WATCHED_INT,
        WATCHED_INT,
        row("int32 variable, tape.watch", "None", "None"),
    )
    at = shown.index(next(line for line in shown if line.startswith("int32 constant ")))
    assert not shown[at - 1].startswith("WARNING")  # the unwatched integer warned nothing


@claim(
    "troubleshooting.md",
    "A gradient is `None` (or zero) and nothing says why",
    "**Cause:** nothing the tape recorded connects the target to the source: an unwatched "
    "constant, an integer or a cast to one, a non-trainable variable, a value that went through "
    "`.numpy()`, NumPy or `tf.numpy_function`, work done after the `with` block, `tf.argmax`, "
    "`tf.round` or `tf.stop_gradient`; `tf.sign` and a `relu` below zero give a gradient of "
    "zero instead.",
    "**Fix:** keep the whole computation inside the `with` block, in TensorFlow ops on float "
    "tensors, and watch constants with `tape.watch`.",
    "See [Gradients](gradients.md#when-a-gradient-is-none-or-zero), whose table runs each case "
    "eagerly and in a `tf.function`.",
)
def test_gradient_is_none(output):
    out = output(NONE_GRADIENTS)
    shown = lines(out)
    assert row("case", "eagerly", "tf.function").fullmatch(shown[0])
    eager = {}
    for line in shown[1:]:
        found = re.fullmatch(r"(.+?) {2,}(\S+) +(\S+)", line)
        if found and not line.startswith("WARNING"):
            eager[found[1]] = found[2]
    for case in (
        "float32 constant",
        "int32 constant",
        "cast to int32 and back",
        "variable, trainable=False",
        ".numpy(), back to a tensor",
        "NumPy (np.square)",
        "tf.numpy_function",
        "computed after the with block",
        "tf.argmax",
        "tf.round",
        "tf.stop_gradient",
    ):
        assert eager[case] == "None", case
    assert eager["tf.sign (a gradient of zero)"] == "0.0"
    assert eager["tf.nn.relu below zero (zero)"] == "0.0"
    # The fix: a float inside the block, watched, has its gradient.
    assert eager["float32 constant, tape.watch"] == "4.0"
    assert eager["float32 variable (the reference)"] == "4.0"
    shows(out, row("float32 constant, tape.watch", "4.0", "4.0"))


@claim(
    "troubleshooting.md",
    '"ValueError: No gradients provided for any variable." '
    "{ #no-gradients-provided-for-any-variable }",
    "**Cause:** a Keras 3 optimizer's `apply_gradients` got `None` for every variable: usually "
    "the loss was computed outside the `tf.GradientTape` block or through NumPy, or the "
    "gradient was asked for the wrong list of variables.",
)
def test_no_gradients_provided(output):
    path = "snippets/gradients/no_gradients_provided.py"
    assert "optimizer.apply_gradients([(None, a), (None, b)])" in source(path)
    shows(
        output(path),
        "all gradients None:",
        "  ValueError: No gradients provided for any variable.",
    )


@claim(
    "troubleshooting.md",
    "**Fix:** compute the loss inside the `with` block with TensorFlow ops, and pass "
    "`model.trainable_variables`.",
)
def test_loss_inside_the_tape(output):
    # A loss computed in the block has a gradient for every variable it used.
    shows(
        output(NONE_GRADIENTS),
        row("float32 variable (the reference)", "4.0", "4.0"),
        row("NumPy (np.square)", "None", "NotImplementedError"),
        row("computed after the with block", "None", "None"),
    )


GRADIENTS_MISSING = P(
    r"UserWarning: Gradients do not exist for variables \[.+\] when minimizing the loss\. "
    r"If using `model\.compile\(\)`, did you forget to provide a `loss` argument\?"
)


@claim(
    "troubleshooting.md",
    '"UserWarning: Gradients do not exist for variables" ... "when minimizing the loss" '
    "{ #gradients-do-not-exist-for-variables }",
    "**Cause:** some variables got a `None` gradient; the optimizer skips them and updates the "
    "rest.",
    "Usually part of the model does not reach the loss: a layer built but never called, or an "
    "output the loss ignores.",
)
def test_gradients_do_not_exist_for_some_variables(output):
    path = "snippets/gradients/unused_layer.py"
    assert 'self.spare = keras.layers.Dense(1, name="spare")  # never called' in source(path)
    assert "return self.head(self.body(x))" in source(path)
    shows_only(
        output("snippets/gradients/unused_layer.py"),
        GRADIENTS_MISSING,
        "ValueError: No loss to compute. Provide a `loss` argument in `compile()`.",
    )
    out = output("snippets/gradients/no_gradients_provided.py")
    shows(
        out,
        "only b's gradient None:",
        P("  " + GRADIENTS_MISSING.pattern.replace(r"\[.+\]", r"\['b'\]")),
        "  a: 0.5  b: 1.0",  # a moved (1.0 - 0.5 * 1.0); b kept its value
    )


@claim(
    "troubleshooting.md",
    '"ValueError: No loss to compute. Provide a `loss` argument in `compile()`." '
    "{ #no-loss-to-compute }",
    "**Cause:** `model.fit` was called on a model compiled without a loss (and whose "
    "`compute_loss` adds none).",
)
def test_no_loss_to_compute(output):
    path = "snippets/gradients/unused_layer.py"
    assert "model.fit(" in source(path)
    shows(
        output(path),
        "ValueError: No loss to compute. Provide a `loss` argument in `compile()`.",
    )


@claim(
    "troubleshooting.md",
    '"WARNING:tensorflow:5 out of the last 5 calls to" `<function pfor.<locals>.f at 0x…>` '
    '"triggered tf.function retracing" { #pfor-locals-f-triggered-tffunction-retracing }',
    "**Cause:** `tape.jacobian` (or `batch_jacobian`) run eagerly with its default `pfor` wraps "
    "its work in a new `tf.function` on every call, so a loop of eager jacobians retraces each "
    "time and is slow.",
)
def test_eager_jacobian_retraces(output):
    path = "snippets/gradients/eager_jacobian_traces.py"
    assert "tape.jacobian(y, x)" in source(path)
    shows_only(
        output(path),
        "eager jacobian 1 done",
        "eager jacobian 2 done",
        "eager jacobian 3 done",
        "eager jacobian 4 done",
        P(
            r"WARNING:tensorflow:5 out of the last 5 calls to <function pfor\.<locals>\.f at "
            r"0x…> triggered tf\.function retracing\. Tracing is expensive.*"
        ),
        "eager jacobian 5 done",
    )


JACOBIANS = "snippets/gradients/jacobians.py"
JACOBIAN = "[[2.0, 0.0, 0.0], [0.0, 4.0, 0.0], [0.0, 0.0, 6.0]]"


@claim(
    "troubleshooting.md",
    "**Fix:** compute the jacobian inside a `tf.function`.",
    '"RuntimeError: GradientTape must be created with persistent=True to compute the jacobian '
    'with eager execution enabled" { #jacobian-needs-a-persistent-tape }',
    "**Cause:** eagerly, `tape.jacobian(..., experimental_use_pfor=False)` asks the tape once "
    "per element of the target.",
    "**Fix:** create the tape with `persistent=True`, keep the default `pfor`, or compute the "
    "jacobian in a `tf.function`.",
)
def test_jacobian_without_pfor(output):
    shows(
        output(JACOBIANS),
        row("eagerly, pfor", JACOBIAN),
        row(
            "eagerly, while loop",
            "RuntimeError: GradientTape must be created with persistent=True to compute the "
            "jacobian with eager execution enabled and with  experimental_use_pfor set to False.",
        ),
        row("eagerly, while loop, persistent", JACOBIAN),
        row("tf.function, pfor", JACOBIAN),
        row("tf.function, while loop", JACOBIAN),
    )


@claim(
    "troubleshooting.md",
    '"TypeError: Cannot convert the argument `type_value`" ... "to a TensorFlow DType." '
    "{ #cannot-convert-the-argument-type_value }",
    "**Cause:** a function decorated with `tf.custom_gradient` was passed as an argument to a "
    "`tf.function`: the trace receives the undecorated function (what `__wrapped__` points "
    "to), which returns the pair `(result, grad)`, and the tape fails on the `grad` function.",
    "**Fix:** call the decorated function from the body, or close over it.",
)
def test_custom_gradient_as_an_argument(output):
    shows_only(
        output("snippets/gradients/custom_gradient.py"),
        "tf.round, eagerly         y [0. 2. 2.]  dy/dx None",
        "custom, eagerly           y [0. 2. 2.]  dy/dx [1. 1. 1.]",
        "custom, in a tf.function  y [0. 2. 2.]  dy/dx [1. 1. 1.]",  # called from the body
        "custom, as an argument to a tf.function:",
        "  the trace received the undecorated function: True",
        P(
            r"  TypeError: Cannot convert the argument `type_value`: <function \S+\.grad at "
            r"0x…> to a TensorFlow DType\."
        ),
    )


# --- Debugging and numerics --------------------------------------------------------------


@claim(
    "troubleshooting.md",
    '"Graph execution error"',
    "**Cause:** an op failed while the graph ran.",
    '**Fix:** read the "defined at" frames from the bottom: the last one in your code is the '
    "line that created the failing op.",
)
def test_graph_execution_error(output):
    path = "snippets/debugging/graph_error_location.py"
    out = output(path)
    frame = f'  File "{path}", line'
    shows_only(
        out,
        "Graph execution error:",
        "Detected at node GatherV2 defined at (most recent call last):",
        f"{frame} 11, in <module>",
        f"{frame} 7, in pick",
        "indices = 7 is not in [0, 2)",
        "\t [[{{node GatherV2}}]] [Op:__inference_pick_…]",
    )
    assert source(path).splitlines()[7 - 1].strip().startswith("return tf.gather(")


PDB_STOP = (
    "> snippets/debugging/pdb_in_eager.py(12)scale()",
    "-> return x * factor",
    "(Pdb) <tf.Tensor: shape=(2,), dtype=float32, numpy=array([1., 2.], dtype=float32)>",
    "(Pdb) <tf.Tensor: shape=(2,), dtype=float32, numpy=array([3., 6.], dtype=float32)>",
)


@claim(
    "troubleshooting.md",
    "A breakpoint in a `tf.function` stops in generated code",
    "**Cause:** `breakpoint()` inside a `tf.function` runs while tracing, in the code "
    "AutoGraph generated, where your variables are not in scope.",
    "**Fix:** `tf.config.run_functions_eagerly(True)` while debugging (for a Keras loss or "
    "model, `compile(run_eagerly=True)`), then set it back.",
)
def test_breakpoint_in_tf_function(output):
    shows_only(
        output("snippets/debugging/pdb_in_eager.py"),
        "eager:",
        *PDB_STOP,
        "(Pdb) tf.function, with run_functions_eagerly(True):",
        *PDB_STOP,  # the same stop, the same values
        "(Pdb) tf.function:",
        P(r"> <tmp>/__autograph_generated_file…\.py\(\d+\)tf__set_trace\(\)"),
        P(r"-> with ag__\.FunctionScope\(.*"),
        "(Pdb) *** NameError: name 'x' is not defined",
        "(Pdb) *** NameError: name 'factor' is not defined",
        "(Pdb)",
    )
    out = output("snippets/hidden_graphs/keras_compile_switches.py")
    shows(out, "run_eagerly=True, jit_compile=False: 0 traced, 3 eagerly")
    out = output("snippets/debugging/run_functions_eagerly.py")
    shows(
        out,
        "run_functions_eagerly: True",
        "  mean is tf.Tensor(3.0, shape=(), dtype=float32)",
        "  mean is tf.Tensor(4.0, shape=(), dtype=float32)",
        "run_functions_eagerly: False",  # set back: traced again, symbolic
        '  mean is Tensor("Mean:0", shape=(), dtype=float32)',
        '  mean is Tensor("Mean:0", shape=(), dtype=float32)',
    )


@claim(
    "troubleshooting.md",
    '"Detected Infinity or NaN in output 0 of graph op"',
    "**Cause:** `tf.debugging.enable_check_numerics()` found the first op whose output holds "
    "a NaN or an infinity, and names it.",
)
def test_check_numerics_names_the_op(output):
    shows_only(
        output("snippets/debugging/check_numerics.py"),
        "unchecked: nan",
        '!!! Detected Infinity or NaN in output 0 of graph op "Log" (# of outputs: 1) !!!',
    )


@claim(
    "troubleshooting.md",
    '"did not hold element-wise"',
    "**Cause:** a `tf.debugging.assert_*` check failed when the graph ran; the message shows "
    "the condition and the values.",
    "**Fix:** correct the input the message shows (here `[4 -1]`), or the code that produced it.",
)
def test_assertion_in_graph(output):
    shows(
        output("snippets/debugging/asserts_in_graph.py"),
        "[2. 3.]",
        "at run time: assertion failed: [safe_sqrt got a negative.  ] "
        "[Condition x >= 0 did not hold element-wise:] [x (x:0) = ] [4 -1]",
    )


CHECK_CASES = "snippets/debugging/check_cases.py"


@claim(
    "troubleshooting.md",
    "When both sides are known while tracing, as the size of a tensor with a known shape is, "
    "the check fails at trace time instead, in every mode; each way of checking is tabled in "
    "[Which checks run, and when](debugging.md#which-checks-run-and-when).",
)
def test_check_fails_at_trace_time(output):
    held = "InvalidArgumentError: Condition x == y did not hold …"
    shows(
        output(CHECK_CASES),
        row(
            "assert_equal",
            "eager",
            "[1 2]",
            "run",
            "InvalidArgumentError: Condition x == y did not hold.",
        ),
        row("assert_equal", "tf.function", "[1 2]", "trace", held),
        row("assert_equal", "no autograph", "[1 2]", "trace", held),
        row("assert_equal", "jit_compile", "[1 2]", "trace", held),
    )
    shows(
        output("snippets/debugging/asserts_in_graph.py"),
        P(r"at run time: assertion failed: .*"),
        "at trace time: ValueError: Tensor x:0 must have rank 1.  Received rank 2, shape (1, 1)",
    )


@claim(
    "troubleshooting.md",
    '"InvalidArgumentError: Condition x == y did not hold." { #condition-x-y-did-not-hold }',
    "**Cause:** a `tf.debugging.assert_equal` (or another `assert_*`) saw its condition false.",
    'Eagerly the message ends "did not hold."; in a `tf.function` whose condition is known '
    'while tracing (here the size of `x`, part of its shape) it ends "did not hold '
    'element-wise:" and is raised at trace time, even under `jit_compile=True`.',
    "**Fix:** correct the input the message shows (here a size of 3 where the check wants 2).",
)
def test_assert_equal(output):
    path = CHECK_CASES
    shows(
        output(path),
        row(
            "assert_equal",
            "eager",
            "[1 2]",
            "run",
            "InvalidArgumentError: Condition x == y did not hold.",
        ),
        row(
            "assert_equal",
            "jit_compile",
            "[1 2]",
            "trace",
            "InvalidArgumentError: Condition x == y did not hold …",
        ),
    )
    # The failing input has three elements, the passing one two.
    assert "tf.debugging.assert_equal(tf.size(x), 2)" in source(path)
    assert "tf.constant([1.0, 4.0]), tf.constant([1.0, -4.0, 9.0])" in source(path)


@claim(
    "troubleshooting.md",
    '"assertion failed: [x must be", "Expected \'tf.Tensor(False," '
    "{ #assertion-failed-from-tfassert }",
    '**Cause:** a `tf.Assert` condition was false: in a graph the message is "assertion '
    "failed:\" followed by the data you gave it; eagerly it is \"Expected '...' to be true. "
    'Summarized data:" and the data.',
)
def test_tf_assert(output):
    shows(
        output(CHECK_CASES),
        row(
            "tf.Assert",
            "eager",
            "[1 2]",
            "run",
            "InvalidArgumentError: Expected 'tf.Tensor(False, …",
        ),
        row(
            "tf.Assert",
            "tf.function",
            "[1 2]",
            "run",
            "InvalidArgumentError: assertion failed: [x must be …",
        ),
        row(
            "tf.Assert",
            "no autograph",
            "[1 2]",
            "run",
            "InvalidArgumentError: assertion failed: [x must be …",
        ),
    )


@claim(
    "troubleshooting.md",
    '"InvalidArgumentError: sqrt of x : Tensor had NaN values" { #tensor-had-nan-values }',
    "**Cause:** `tf.debugging.check_numerics` (or `assert_all_finite`) found a NaN in its "
    'tensor; the message starts with the text you gave it (here "sqrt of x").',
    "**Fix:** look at what produced the tensor (a `sqrt` or `log` of a negative number, a "
    "division by zero); to find the first op that made the NaN anywhere, use "
    "`tf.debugging.enable_check_numerics()`.",
)
def test_check_numerics_message(output):
    nan = "InvalidArgumentError: sqrt of x : Tensor had NaN values"
    shows(
        output(CHECK_CASES),
        row("check_numerics", "eager", "[1 2]", "run", nan),
        row("check_numerics", "tf.function", "[1 2]", "run", nan),
        row("check_numerics", "no autograph", "[1 2]", "run", nan),
    )
    assert 'tf.debugging.check_numerics(tf.sqrt(x), "sqrt of x")' in source(CHECK_CASES)
    # The square root of -4 made the NaN; enable_check_numerics names the first such op.
    shows(
        output("snippets/debugging/check_numerics.py"),
        '!!! Detected Infinity or NaN in output 0 of graph op "Log" (# of outputs: 1) !!!',
    )


@claim(
    "troubleshooting.md",
    '"InvalidArgumentError: ValueError: x must be positive", from a `tf.py_function` '
    "{ #invalidargumenterror-valueerror-from-a-tfpy_function }",
    "**Cause:** Python code run by `tf.py_function` raised; TensorFlow passes the Python "
    "exception on as an `InvalidArgumentError` whose message starts with the original class "
    "and message (here `ValueError: x must be positive`), eagerly and when the graph runs.",
    "**Fix:** catch `tf.errors.InvalidArgumentError` around the call, not `ValueError`; under "
    '`jit_compile=True` a `tf.py_function` does not compile at all ("Detected unsupported '
    'operations when trying to compile").',
)
def test_py_function_raised(output):
    raised = "InvalidArgumentError: ValueError: x must be positive"
    shows(
        output(CHECK_CASES),
        row("py_function", "eager", "[1 2]", "run", raised),
        row("py_function", "tf.function", "[1 2]", "run", raised),
        row("py_function", "no autograph", "[1 2]", "run", raised),
        row(
            "py_function",
            "jit_compile",
            "compile",
            "compile",
            "InvalidArgumentError: Detected unsupported operations …",
        ),
        row("try around call", "eager", "[1 2]", "[0 0 0]"),  # caught around the call
        row("try around call", "tf.function", "[1 2]", "[0 0 0]"),
    )


@claim(
    "troubleshooting.md",
    "Checks never fail under `jit_compile=True` { #checks-never-fail-under-jit_compiletrue }",
    "**Cause:** XLA compiles `Assert` ops to nothing, and on the CPU `CheckNumerics` too: the "
    "failing input `[1, -4, 9]` returned `[1 nan 3]` with no error (TensorFlow's C++ log may "
    'say "Ignoring Assert operator", a warning that `TF_CPP_MIN_LOG_LEVEL=2` hides).',
    "A check whose condition is known while tracing (a shape) still fails, at trace time.",
    "**Fix:** check the input outside the compiled function, in an ordinary `tf.function` or "
    "eagerly, before calling it.",
)
def test_checks_under_jit_compile(output):
    shows(
        output(CHECK_CASES),
        row(
            "assert_positive",
            "tf.function",
            "[1 2]",
            "run",
            "InvalidArgumentError: assertion failed: [] [Condition x > …",
        ),  # an ordinary tf.function checks
        row("assert_positive", "jit_compile", "[1 2]", "[1 nan 3]"),
        row(
            "assert_equal",
            "jit_compile",
            "[1 2]",
            "trace",
            "InvalidArgumentError: Condition x == y did not hold …",
        ),  # a shape: known while tracing
        row("tf.Assert", "jit_compile", "[1 2]", "[1 nan 3]"),
        row("check_numerics", "jit_compile", "[1 2]", "[1 nan 3]"),
        row("try around call", "jit_compile", "[1 2]", "[1 nan 3]"),
    )


@claim(
    "troubleshooting.md",
    "`try`/`except` inside a `tf.function` does not catch `InvalidArgumentError`",
    "**Cause:** the `try` block runs while tracing, when it only creates ops and nothing fails, "
    "so the `except` block is never traced and is not in the graph; the op fails later, when "
    "the graph runs, and the error goes to the caller.",
    "**Fix:** put the `try`/`except` around the call, or choose the fallback with an op "
    "(`tf.where`, `tf.cond`) on the condition instead of catching.",
)
def test_try_inside_a_tf_function(output):
    failed = "InvalidArgumentError: assertion failed: [] [Condition x > …"
    shows(
        output(CHECK_CASES),
        row("try inside", "eager", "[1 2]", "[0 0 0]"),  # eagerly, the except block runs
        row("try inside", "tf.function", "[1 2]", "run", failed),
        row("try inside", "no autograph", "[1 2]", "run", failed),
        row("try around call", "eager", "[1 2]", "[0 0 0]"),
        row("try around call", "tf.function", "[1 2]", "[0 0 0]"),  # caught by the caller
        row("try around call", "no autograph", "[1 2]", "[0 0 0]"),
    )


# --- Data pipelines and distribution -----------------------------------------------------


@claim(
    "troubleshooting.md",
    '"as_list() is not defined on an unknown TensorShape"',
    "**Cause:** a tensor of unknown shape reached code that needs one, here Keras `fit` on a "
    "dataset whose elements come from `tf.py_function`, which cannot know what its Python "
    "returns.",
    "**Fix:** state the shape with `tf.ensure_shape` right after the `tf.py_function`.",
)
def test_unknown_shape_from_py_function(output):
    shows(
        output("snippets/hidden_graphs/py_function_escape.py"),
        "with tf.py_function: TensorSpec(shape=<unknown>, dtype=tf.float32, name=None)",
        "fit: as_list() is not defined on an unknown TensorShape.",
        "with tf.ensure_shape: TensorSpec(shape=(2,), dtype=tf.float32, name=None)",
        "fit: trained on 2 batches",  # 8 elements in batches of 4
    )


MIRRORED = "snippets/hidden_graphs/mirrored_strategy.py"


@claim(
    "troubleshooting.md",
    '"Virtual devices cannot be modified after being initialized"',
    "**Cause:** `tf.config.set_logical_device_configuration` was called after TensorFlow ran "
    "its first op, which fixes the devices for the rest of the process.",
    "**Fix:** configure devices first thing in the program, before any op.",
)
def test_devices_configured_too_late(output):
    out = output(MIRRORED)
    shows(
        out,
        "replicas in sync: 2",  # configured before the first op: two devices
        "op 'mul' on /job:localhost/replica:0/task:0/device:CPU:0",
        "op 'replica_1/mul' on /job:localhost/replica:0/task:0/device:CPU:1",
        "RuntimeError: Virtual devices cannot be modified after being initialized",
    )
    assert lines(out.strip())[-1].startswith("RuntimeError: ")


@claim(
    "troubleshooting.md",
    '"Using MirroredStrategy eagerly has significant overhead"',
    "**Cause:** `strategy.run` was called eagerly, outside a `tf.function`, so each replica's "
    "step runs op by op from Python.",
    "**Fix:** call `strategy.run` inside a `tf.function` step.",
)
def test_mirrored_strategy_eagerly(output):
    shows_only(
        output(MIRRORED),
        "replicas in sync: 2",
        "w is a MirroredVariable",
        "first call:",
        "  replica_step runs, eagerly: False",  # traced, once per replica
        "  replica_step runs, eagerly: False",
        "  sum over replicas: 4.0",
        "second call:",  # the graph: no Python
        "  sum over replicas: 4.0",
        P(r"op 'mul' on .*CPU:0"),
        P(r"op 'replica_1/mul' on .*CPU:1"),
        "strategy.run outside a tf.function:",
        P(
            r"WARNING:tensorflow:Using MirroredStrategy eagerly has significant overhead "
            r"currently\. .*"
        ),
        "  replica_step runs, eagerly: True",  # op by op, once per replica
        "  replica_step runs, eagerly: True",
        P(r"  PerReplica \(.*\)"),
        P(r"RuntimeError: .*"),
    )


@claim(
    "troubleshooting.md",
    '"this option does not apply to tf.data functions"',
    "**Cause:** `tf.config.run_functions_eagerly(True)` does not reach functions passed to "
    "`Dataset.map` and the like; they are still traced, and Python code inside them sees "
    "symbolic tensors.",
    "**Fix:** while debugging, call `tf.data.experimental.enable_debug_mode()` at the start of "
    "the program.",
)
def test_tf_data_functions_are_traced(output):
    shows_only(
        output("snippets/debugging/tf_data_debug_mode.py"),
        "tf.config.run_functions_eagerly(True):",
        "  map function got SymbolicTensor",
        "  values: [0, 2, 4]",
        P(
            r"  UserWarning: Even though the `tf\.config\.experimental_run_functions_eagerly` "
            r"option is set, this option does not apply to tf\.data functions\. .*"
        ),
        "tf.data.experimental.enable_debug_mode():",
        "  map function got SymbolicTensor",
        "  map function got EagerTensor",  # once per element
        "  map function got EagerTensor",
        "  map function got EagerTensor",
        "  values: [0, 2, 4]",
    )
    # Keras reads its data through tf.data too: the same warning under run_functions_eagerly.
    warning = (
        "  ^ UserWarning: Even though the `tf.config.experimental_run_functions_eagerly` option "
        "is set, this option …"
    )
    shown = lines(output("snippets/keras_graphs/run_eagerly_jit_compile_cases.py").strip())
    assert row("run_functions_eagerly(True), jit_compile=True", "eager").match(shown[-2])
    assert shown[-1] == warning and shown.count(warning) == 2


# --- Saving, loading and compiling -------------------------------------------------------


@claim(
    "troubleshooting.md",
    '"Detected unsupported operations when trying to compile"',
    "**Cause:** `jit_compile=True` asked XLA to compile an op it has no kernel for (here "
    "`AsString`).",
    "**Fix:** move that op out of the compiled function, or drop `jit_compile` for it.",
)
def test_xla_unsupported_op(output):
    shows_only(
        output("snippets/deployment/xla_unsupported_op.py"),
        "Detected unsupported operations when trying to compile",
        "unsupported ops: ['AsString']",
        "tf.Tensor([8 9], shape=(2,), dtype=int32)",  # the same function, not compiled
    )


@claim(
    "troubleshooting.md",
    "See [Deployment](deployment.md#xla-the-compiled-program); Keras's "
    "`compile(jit_compile=True)` fails the same way on a model holding such an op ([Where "
    "graphs hide](where-graphs-hide.md#run_eagerly-and-jit_compile)).",
)
def test_keras_jit_compile_fails_the_same_way(output):
    shows(
        output("snippets/hidden_graphs/keras_compile_switches.py"),
        "jit_compile=True, with a tf.numpy_function in the model:",
        P(
            r"  Detected unsupported operations when trying to compile graph \S+ on XLA_CPU_JIT: "
            r"PyFunc"
        ),
    )


DEPLOY_KEEPS = "snippets/deployment/saved_model_keeps_cases.py"
XLA_OPS = "snippets/deployment/xla_op_cases.py"


@claim(
    "troubleshooting.md",
    "`tf.print`, `tf.py_function` and `tf.numpy_function` fail the same way, and a SavedModel "
    "keeps `jit_compile=True`, so a loaded function fails there too ([Which ops XLA compiles, "
    "case by case](deployment.md#which-ops-xla-compiles-case-by-case)).",
)
def test_more_ops_xla_cannot_compile(output):
    unsupported = "InvalidArgumentError Detected unsupported operations when trying to compile … "
    shows(
        output(XLA_OPS),
        row("tf.strings.as_string", unsupported + "AsString"),
        row("tf.print", unsupported + "StringFormat"),
        row("tf.py_function", unsupported + "EagerPyFunc"),
        row("tf.numpy_function", unsupported + "PyFunc"),
    )
    shows(
        output(DEPLOY_KEEPS),
        row(
            "jit_compile=True, x2",
            "InvalidArgumentError: Detected unsupported operations when "
            "trying to compile … AsString",
        ),
    )


@claim(
    "troubleshooting.md",
    '"Input 0 to node" ... "must be a compile-time constant" { #must-be-a-compile-time-constant }',
    "**Cause:** under `jit_compile=True`, a shape or size is computed from a value XLA cannot "
    "know when it compiles: here a `tf.random.uniform` draw (a variable or another stateful op "
    "does the same).",
    "**Fix:** compute sizes from the function's arguments or static shapes (each new value then "
    "compiles a program of its own), or use a fixed maximum size and mask the rest.",
)
def test_size_not_known_when_compiling(output):
    assert "tf.random.uniform(" in source(XLA_OPS)
    shows(
        output(XLA_OPS),
        row("tf.range(n)", "()->s32[3]", "[0 1 2]"),  # n an argument: a program for n = 3
        row("tf.zeros([n * 2])", "()->f32[6]", "[0. 0. 0. 0. 0. 0.]"),
        row(
            "tf.zeros(random n)",
            "InvalidArgumentError",
            "Input 0 to node `zeros` with op Fill must be a compile-time constant.",
        ),
    )
    shows(
        output("snippets/deployment/xla_compile_count_cases.py"),
        row("tf.range(n), Python n = 3, 5, 3", "1 2 2", "1 2 2"),  # a program per new value
    )


@claim(
    "troubleshooting.md",
    '"ValueError: Only support static input shape" { #only-support-static-input-shape }',
    "**Cause:** `experimental_get_compiler_ir` was asked for the program of a `None` dimension "
    "(a `tf.TensorSpec` with `None`); XLA programs have static shapes, one per size.",
    "**Fix:** pass a tensor or a fully defined `tf.TensorSpec` for each size you want to read.",
)
def test_compiler_ir_of_a_none_dimension(output):
    path = "snippets/deployment/xla_compile_count_cases.py"
    assert "experimental_get_compiler_ir(" in source(path)
    shows(
        output(path),
        row("sizes 4, 8, 8, 16", "1 2 2 3", "1 2 2 3"),  # one program per size
        row("  with input_signature [None]", "1 1 1 1", "1 2 2 3"),  # one trace, still
        row("compiler IR for [None]", "ValueError: Only support static input shape"),
    )


@claim(
    "troubleshooting.md",
    "Every case of what a SavedModel keeps, loaded in a fresh process, is tabled in [What a "
    "SavedModel keeps, case by case](deployment.md#what-a-savedmodel-keeps-case-by-case).",
)
def test_what_a_saved_model_keeps_in_a_table(output):
    shows(
        output(DEPLOY_KEEPS),
        row("saved", "after loading in a fresh process"),
        row("signature [None], x2", "[2. 4.]"),
        row(
            "traced for (3,), x2",
            "ValueError: Could not find matching concrete function to "
            "call loaded from the SavedModel.",
        ),
    )


@claim(
    "troubleshooting.md",
    '"Could not find callback with key=pyfunc_" ... "in the registry" '
    "{ #could-not-find-callback-with-key-in-the-registry }",
    "**Cause:** a function restored from a SavedModel calls `tf.py_function` or "
    "`tf.numpy_function`, and runs in a process other than the one that saved it: the graph "
    "holds only a key into the saving process's registry of Python functions, so saving and "
    "loading succeed and the call fails, as an `InvalidArgumentError` whose first line is "
    '"Graph execution error:".',
)
def test_py_function_in_a_loaded_saved_model(output):
    registry = "InvalidArgumentError: … Could not find callback with key=pyfunc_… in the registry."
    shows(
        output(DEPLOY_KEEPS),
        row("tf.py_function, x2", registry),
        row("tf.numpy_function, x2", registry),
    )
    # The snippet shows the line naming the cause where the first says "Graph execution error:".
    assert '"InvalidArgumentError" and cause:  # "Graph execution error:"' in source(DEPLOY_KEEPS)


@claim(
    "troubleshooting.md",
    "\"AttributeError: '_UserObject' object has no attribute\" "
    "{ #userobject-object-has-no-attribute }",
    "**Cause:** an object restored with `tf.saved_model.load` was asked for an attribute that "
    "held a Python value (an int, a string, a `tf.constant`): a SavedModel keeps functions, "
    "variables and the lists and dicts holding them, and a list or dict of Python values comes "
    "back empty.",
    "**Fix:** store a value the server must read as a `tf.Variable` (`trainable=False` for a "
    "constant), or return it from a function with an `input_signature`.",
)
def test_python_values_not_saved(output):
    shows(
        output(DEPLOY_KEEPS),
        row("signature [None], x2", "[2. 4.]"),  # a function with an input_signature
        row("m.n = 3", "AttributeError: '_UserObject' object has no attribute 'n'"),
        row("m.items = [1, 2]", "[]"),
        row("m.table = {'a': 1}", "{}"),
        row("m.t = tf.constant(7.0)", "AttributeError: '_UserObject' object has no attribute 't'"),
        row("m.v = tf.Variable(2.0)", "Variable(2.0)"),
        row("m.vs = [Variable]", "[Variable(1.0)]"),
        row("m.vd = {'w': Variable}", "{'w': Variable(5.0, trainable=False)}"),
    )


@claim(
    "troubleshooting.md",
    '"ValueError: Expected a TensorFlow function for which to generate a signature" '
    "{ #expected-a-tensorflow-function-for-which-to-generate-a-signature }",
    "**Cause:** `tf.saved_model.save(..., signatures=...)` was given a `tf.function` without an "
    "`input_signature`; tracing it first does not help.",
    "**Fix:** give it an `input_signature`, or pass one of its concrete functions "
    "(`f.get_concrete_function(tf.TensorSpec([None], tf.float32))`).",
)
def test_signature_from_a_function_without_input_signature(output):
    shows(
        output(DEPLOY_KEEPS),
        row("saved with", "after loading in a fresh process"),
        row("f with input_signature", "serving_default(x)"),
        row("signatures={'a': f, 'b': f}", "a(x), b(x)"),
        row(
            "signatures=g, g traced without",
            "ValueError: Expected a TensorFlow function for which to generate a signature",
        ),
    )
    shown = lines(output(DEPLOY_KEEPS).strip())
    keras = row("Keras: model.export(path)", "serve(features), serving_default(features)")
    assert keras.fullmatch(shown[-1])  # Keras saves its own signatures


@claim(
    "troubleshooting.md",
    '"Could not find matching concrete function to call loaded from the SavedModel"',
    "**Cause:** a function restored from a SavedModel was called with a shape or dtype it was "
    "not traced for before saving; a restored function cannot trace.",
    "**Fix:** give the function an `input_signature` before saving (any length: `None`), or "
    "trace each signature you need.",
)
def test_restored_function_cannot_trace(output):
    no_match = "ValueError: Could not find matching concrete function to call loaded from the "
    no_match += "SavedModel. Got:"
    saved = "    the SavedModel has: * TensorSpec(shape=(3,), dtype=tf.float32, name='x')"
    shows_only(
        output("snippets/deployment/saved_model_new_input.py"),
        "scale(float32, shape (3,)): [2. 4. 6.]",  # the traced signature
        f"scale(float32, shape (4,)): {no_match}",
        saved,
        f"scale(int32, shape (3,)): {no_match}",
        saved,
        "scale_any_length(float32, shape (3,)): [2. 4. 6.]",
        "scale_any_length(float32, shape (4,)): [2. 4. 6. 8.]",
        "scale_any_length(int32, shape (3,)): TypeError: Can not cast TensorSpec(shape=(3,), "
        "dtype=tf.int32, name=None) to TensorSpec(shape=(None,), dtype=tf.float32, name=None)",
    )


@claim(
    "troubleshooting.md",
    '"Found zero restored functions for caller function"',
    "**Cause:** the method was never traced before saving, so the SavedModel has no graph for it.",
    "**Fix:** call it once, or give it an `input_signature`, before saving.",
)
def test_untraced_method_not_saved(output):
    path = "snippets/deployment/saved_model_untraced.py"
    assert "calculator.double(tf.constant(1.0))  # traced once before saving" in source(path)
    shows_only(
        output(path),
        "double: 8.0",
        "ValueError: Found zero restored functions for caller function.",
    )


SWITCH_CASES = "snippets/keras_graphs/run_eagerly_jit_compile_cases.py"


@claim(
    "troubleshooting.md",
    '"UserWarning: If `run_eagerly` is True, then `jit_compile` cannot also be True" '
    "{ #if-run_eagerly-is-true-then-jit_compile-cannot-also-be-true }",
    "**Cause:** `compile` was given both `run_eagerly=True` and `jit_compile=True`; an eager "
    "step cannot be compiled, so Keras warns, turns XLA off and runs every step eagerly "
    "(`model.jit_compile` then reports `False`).",
    "**Fix:** drop one of the two: `run_eagerly=True` while debugging the model's Python, "
    "`jit_compile` once it trains as intended.",
)
def test_run_eagerly_with_jit_compile(output):
    eager, graph = ["eager"] * 7, ["graph"] * 6
    shows(
        output(SWITCH_CASES),
        row("run_eagerly=True", *eager, "True", "False"),  # debugging: every step eager
        row("jit_compile=True", *graph, "eager", "False", "True"),  # compiled graph steps
        row("run_eagerly=True, jit_compile=True", *eager, "True", "False"),
        "  ^ UserWarning: If `run_eagerly` is True, then `jit_compile` cannot also be True. "
        "Disabling `jit_compile`.",
    )


CUSTOM_SAVED = "snippets/gradients/custom_gradient_saved.py"


@claim(
    "troubleshooting.md",
    '"WARNING:absl:Importing a function" ... "with ops with unsaved custom gradients. Will '
    'likely fail if a gradient is requested." { #unsaved-custom-gradients }',
    "**Cause:** the SavedModel was saved with "
    "`tf.saved_model.SaveOptions(experimental_custom_gradients=False)`, so the "
    "`tf.custom_gradient` functions in it lost their gradients.",
    "The forward pass works; a call under a tape fails.",
    "**Fix:** save again with the default `SaveOptions`.",
    "\"LookupError: No gradient defined for operation'IdentityN' (op type: IdentityN).\" "
    "{ #no-gradient-defined-for-operation-identityn }",
    "**Cause:** a loaded SavedModel was called under a `tf.GradientTape`, and one of its "
    "functions used `tf.custom_gradient` but was saved without custom gradients (the load "
    'printed "with ops with unsaved custom gradients").',
    "**Fix:** save it again with the default `tf.saved_model.SaveOptions`.",
)
def test_custom_gradients_not_saved(output):
    shows_only(
        output(CUSTOM_SAVED),
        "SaveOptions().experimental_custom_gradients: True",  # the default keeps them
        "saved with the default SaveOptions, loaded in a new process:",
        "  y, no tape: [0. 4.]",
        "  dy/dx: [2. 2.]",
        "saved with experimental_custom_gradients=False, loaded in a new process:",
        P(
            r"  WARNING:absl:Importing a function \(__inference___call___…\) with ops with "
            r"unsaved custom gradients\. Will likely fail if a gradient is requested\."
        ),
        "  y, no tape: [0. 4.]",  # the forward pass works
        "  LookupError: No gradient defined for operation'IdentityN' (op type: IdentityN).",
    )


# --- TF1 code ----------------------------------------------------------------------------

PLACEHOLDER = "snippets/tf1_code/placeholder_in_eager.py"
FEEDS = "snippets/tf1_code/feeds_to_arguments.py"
GET_VARIABLE = "snippets/tf1_code/get_variable_in_tf_function.py"
WRAP_FUNCTION = "snippets/tf1_code/get_variable_in_wrap_function.py"
MUST_FEED = (
    "InvalidArgumentError: You must feed a value for placeholder tensor 'x' with dtype float "
    "and shape [?]"
)


@claim(
    "troubleshooting.md",
    '"RuntimeError: tf.placeholder() is not compatible with eager execution." '
    "{ #tfplaceholder-is-not-compatible-with-eager-execution }",
    "**Cause:** a placeholder is a graph's input, and TF2 runs eagerly, with no graph to add it "
    "to.",
    "**Fix:** build the TF1 code inside `with tf.Graph().as_default():` and run it in a "
    "`tf.compat.v1.Session`, or wrap it with `tf.compat.v1.wrap_function`; in new code, make "
    "the placeholder an argument of a `tf.function`.",
)
def test_placeholder_in_eager(output):
    shows_only(
        output(PLACEHOLDER),
        "executing eagerly: True",
        "eager:               RuntimeError: tf.placeholder() is not compatible with eager "
        "execution.",
        f"in a tf.function:    {MUST_FEED}",
        'in a tf.Graph block: Tensor("x:0", shape=(None,), dtype=float32)',  # a graph's input
        "Session in eager:    RuntimeError: The Session graph is empty. Add operations to the "
        "graph before calling run().",
    )
    shows(output(FEEDS), "TF1 feed [1, 2, 3]: [2. 4. 6.]", "TF2 call [1, 2, 3]: [2. 4. 6.]")
    shows(output(WRAP_FUNCTION), "wrap_function: [2.0, 2.0, 2.0]")


@claim(
    "troubleshooting.md",
    '"InvalidArgumentError: You must feed a value for placeholder tensor" '
    "{ #you-must-feed-a-value-for-placeholder-tensor }",
    "**Cause:** a Session ran a graph that needs a placeholder no `feed_dict` filled; inside a "
    "`tf.function`, a `tf.compat.v1.placeholder` is an input that no call can fill at all.",
    "**Fix:** feed every placeholder the fetches depend on, or turn the placeholder into an "
    "argument of the function.",
)
def test_placeholder_not_fed(output):
    shows(
        output(FEEDS),
        "TF1 feed [1, 2, 3]: [2. 4. 6.]",  # fed: it runs
        "TF1 feed [4, 5]:    [ 8. 10.]",
        f"TF1 no feed: {MUST_FEED}",
        "TF2 call [1, 2, 3]: [2. 4. 6.]",  # an argument instead
        "TF2 call [4, 5]:    [ 8. 10.]",
    )
    shows(output(PLACEHOLDER), f"in a tf.function:    {MUST_FEED}")


@claim(
    "troubleshooting.md",
    '"Could not find variable w. This could mean that the variable has been deleted. In TF1, '
    'it can also mean the variable is uninitialized." { #could-not-find-variable-uninitialized }',
    "**Cause:** in a TF1 graph, a variable has no value until its initializer runs.",
    "**Fix:** run `tf.compat.v1.global_variables_initializer()` in the Session before reading "
    "it; a `tf.Variable` created eagerly has its value at once.",
)
def test_variable_read_before_its_initializer(output):
    path = "snippets/tf1_code/initializers_to_variables.py"
    assert "tf.compat.v1.global_variables_initializer()" in source(path)
    shows_only(
        output(path),
        "TF1 before init: FailedPreconditionError:",
        "  Could not find variable w. This could mean that the variable has been deleted. In "
        "TF1, it can also mean the variable is uninitialized.",
        "TF1 after init: [1. 2.]",
        "TF2 at creation: [1. 2.]",
    )


@claim(
    "troubleshooting.md",
    '"RuntimeError: The Session graph is empty. Add operations to the graph before calling '
    'run()." { #the-session-graph-is-empty }',
    "**Cause:** a `tf.compat.v1.Session` created outside a graph block runs the global default "
    "graph, which stays empty in eager mode (eager ops go into no graph).",
    "**Fix:** create the ops and the Session inside the same `with tf.Graph().as_default():` "
    "block, or pass `graph=` to the Session.",
)
def test_session_on_the_empty_default_graph(output):
    shows(
        output(PLACEHOLDER),
        "executing eagerly: True",
        "Session in eager:    RuntimeError: The Session graph is empty. Add operations to the "
        "graph before calling run().",
    )
    assert "with tf.Graph().as_default()" in source(FEEDS)
    shows(output(FEEDS), "TF1 feed [1, 2, 3]: [2. 4. 6.]")  # ops and Session in one block


@claim(
    "troubleshooting.md",
    '"Variable graph/w already exists, disallowed. Did you mean to set reuse=True" '
    "{ #variable-already-exists-disallowed }",
    "**Cause:** `tf.compat.v1.get_variable` was asked twice for the same name in a scope that "
    "does not allow reuse: here, TF1 layer code built twice.",
    "**Fix:** open the scope with `reuse=tf.compat.v1.AUTO_REUSE`, or give each layer its own "
    "scope.",
    "**Cause:** TF1 code that calls `tf.compat.v1.get_variable` inside a `tf.function`: the "
    "function is traced twice on its first call, and the second trace asks for a variable name "
    "the first one already created; the refusal surfaces as this unrelated-looking error.",
    "**Fix:** open the variable scope with `reuse=tf.compat.v1.AUTO_REUSE`, wrap the code with "
    "`tf.compat.v1.wrap_function`, or create `tf.Variable`s once, outside the function.",
    '"AttributeError: Tensor.op is undefined when eager execution is enabled." '
    "{ #tensorop-is-undefined-when-eager-execution-is-enabled }",
)
def test_get_variable_asked_twice(output):
    shows_only(
        output(GET_VARIABLE),
        "TF1 graph, the layer called twice:",
        "  building graph",
        "  building graph",
        "ValueError: Variable graph/w already exists, disallowed. Did you mean to set "
        "reuse=True or reuse=tf.AUTO_REUSE in VarScope?",
        "tf.function:",
        "  building plain",  # the first call traces twice
        "  building plain",
        "AttributeError: Tensor.op is undefined when eager execution is enabled.",
        "tf.function, reuse=AUTO_REUSE:",
        "  building shared",
        "  building shared",
        "  calls: [4.0, 6.0, 8.0]",
        "  variables: ['shared/w:0']",  # one variable, reused
        "another tf.function, same scope:",
        "  building shared",
        "  calls: [10.0, 12.0, 14.0]",
    )
    shows(output(WRAP_FUNCTION), "wrap_function: [2.0, 2.0, 2.0]", "  variables: ['w:0']")


@claim(
    "troubleshooting.md",
    '"ValueError: Argument `initial_value`" ... "could not be lifted out of a `tf.function`." '
    "{ #could-not-be-lifted-out-of-a-tffunction }",
    "**Cause:** a variable created inside `tf.compat.v1.wrap_function` (or a `tf.function`) "
    "took a tensor of that graph as its initial value, and the initializer must run outside "
    "the graph.",
    "**Fix:** pass an initializer (`tf.compat.v1.ones_initializer()`), a callable or a NumPy "
    "value instead.",
)
def test_initial_value_not_lifted(output):
    assert "tf.compat.v1.ones_initializer()" in source(WRAP_FUNCTION)
    shows(
        output(WRAP_FUNCTION),
        "wrap_function: [2.0, 2.0, 2.0]",  # an initializer
        P(
            r"tensor initial value: ValueError: Argument `initial_value` \(Tensor\(\"ones:0\", "
            r"shape=\(2, 1\), dtype=float32\)\) could not be lifted out of a `tf\.function`\."
        ),
        "NumPy initial value: [2.0, 2.0, 2.0]",
    )


@claim(
    "troubleshooting.md",
    '"RuntimeError: `tf.data.Dataset` only supports Python-style iteration in eager mode or '
    'within tf.function." { #dataset-only-supports-python-style-iteration }',
    "**Cause:** eager execution is off (`tf.compat.v1.disable_eager_execution()`), so a Python "
    "`for` loop over a dataset has nothing to iterate.",
    "**Fix:** remove the `disable_eager_execution()` call and run the TF1 part in a graph block "
    "or `tf.compat.v1.wrap_function`; in TF1-only code, use "
    "`tf.compat.v1.data.make_one_shot_iterator` and a Session.",
    '"ValueError: tf.enable_eager_execution must be called at program startup." '
    "{ #enable_eager_execution-must-be-called-at-program-startup }",
    "**Cause:** `tf.compat.v1.disable_eager_execution()` lasts for the whole process, and eager "
    "execution cannot be switched back on once the program has started.",
    "**Fix:** remove the `disable_eager_execution()` call, and keep the TF1 part in a graph block.",
)
def test_eager_execution_disabled(output):
    assert "tf.compat.v1.data.make_one_shot_iterator(" in source(DISABLE_EAGER)
    shows_only(
        output(DISABLE_EAGER),
        "tf.executing_eagerly(): False",
        'tf.constant:   Tensor("Const:0", shape=(2,), dtype=float32)',
        ".numpy():      AttributeError: 'SymbolicTensor' object has no attribute 'numpy'",
        "tf.function:   SymbolicTensor (a call op in the graph)",
        "  run in a Session: [2. 4.]",
        "for x in ds:   RuntimeError: `tf.data.Dataset` only supports Python-style iteration in "
        "eager mode or within tf.function.",
        "  one-shot iterator in a Session: [0, 1, 2]",
        "enable_eager_execution(): ValueError: tf.enable_eager_execution must be called at "
        "program startup.",
    )
    # Eager execution on, as in every other example: the graph block runs TF1 code.
    shows(output(PLACEHOLDER), "executing eagerly: True", P(r"in a tf\.Graph block: .*"))

"""docs/troubleshooting.md: each entry (a ### heading, under a ## group) quotes
a message from the output it shows; its cause is checked on that output, and
its fix on the output that shows the fix working (that entry's, or the
chapter's it links to)."""

import re

from conftest import DOCS, ROOT, claim, lines
from traced import catalog

PAGE = "troubleshooting.md"


def _entries():
    page = (DOCS / PAGE).read_text(encoding="utf-8")
    for section in re.split(r"^### ", page, flags=re.M)[1:]:
        heading = section.splitlines()[0]
        yield heading, section, catalog.embedded_paths(section)


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


def source(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


P = re.compile

# Entries keyed by a symptom rather than a message: what each output shows
# is asserted by the entry's own test below.
SYMPTOMS = {
    "A side effect ran only once",
    "A random number is the same on every call",
    "A breakpoint in a `tf.function` stops in generated code",
}


@claim(
    "troubleshooting.md",
    "Each entry starts with the message or symptom as TensorFlow prints it, taken from the "
    "output of an example run when this page was built, then the cause in a sentence, the "
    "fix, and the chapter that explains it.",
)
def test_every_entry_quotes_its_output_then_cause_fix_and_chapter(output):
    entries = list(_entries())
    keyed_by_message = [heading for heading, _, _ in entries if heading not in SYMPTOMS]
    assert len(keyed_by_message) >= 30  # the floor: 30 exact messages
    assert SYMPTOMS <= {heading for heading, _, _ in entries}
    for heading, section, paths in entries:
        assert len(paths) == 1, heading  # one example's output
        out = output(paths[0]).replace("`", "")
        quoted = re.findall(r'"([^"]+)"', heading)
        assert quoted or heading in SYMPTOMS, f"{heading!r} quotes no message"
        for message in quoted:
            assert message.replace("`", "") in out, (heading, paths[0])
        cause, fix = section.find("**Cause:**"), section.find("**Fix:**")
        assert 0 < cause < fix, heading
        assert re.search(r"See\s+\[[^\]]+\]\([\w-]+\.md", section[fix:]), heading


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
    '"triggered tf.function retracing"',
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
    '"Binding inputs to tf.function failed"',
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
    '"was expected to be a float tensor but is a int32 tensor"',
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
    '"Can not cast TensorSpec(shape=()" ... "to TensorSpec(shape=(None,)"',
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
    '"Can not cast 10 to Literal[2]"',
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


# --- AutoGraph and Python control flow ---------------------------------------------------

SYMBOLIC_BOOL = (
    r"OperatorNotAllowedInGraphError: Using a symbolic `tf\.Tensor` as a Python `bool` is "
    r"not allowed\."
)


@claim(
    "troubleshooting.md",
    '"Using a symbolic `tf.Tensor` as a Python `bool` is not allowed"',
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
    '"a return statement cannot be placed inside this TensorFlow loop"',
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
    '"before the loop, but shape"',
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
    "and after that only when the function traces again; above, changing `learning_rate` did "
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
    "\"object has no attribute 'numpy'\"",
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
    '"Cannot convert a symbolic tf.Tensor" ... "to a numpy array"',
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

"""Claims docs/autograph.md makes about its snippets' output."""

import re

from conftest import claim, lines

NOT_ALLOWED_LINE = "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed."
NOT_ALLOWED = re.escape(NOT_ALLOWED_LINE)


def _ops(line: str, label: str) -> list[str]:
    """The op types of a ``label['A', 'B', ...]`` line, which must be all of it."""
    listed = re.fullmatch(rf"{re.escape(label)}\[(.*)\]", line)
    assert listed, f"not a {label!r} line: {line!r}"
    return re.findall(r"'(\w+)'", listed.group(1))


def _listing(out: str) -> list[str]:
    """The lines of a printed listing, blank lines at its end dropped."""
    shown = lines(out)
    while shown and not shown[-1].strip():
        shown.pop()
    return shown


@claim(
    "autograph.md",
    "**AutoGraph** answers that: before tracing, `tf.function` rewrites your function's source "
    "so that `if`, `while` and `for` statements that depend on tensors become graph ops (`cond` "
    "and `while_loop`), while statements that depend on plain Python values run as ordinary "
    "Python during tracing.",
    "Each `ag__` call checks, when the function is traced, whether its condition or iterable is "
    "a tensor: if it is, it builds the graph op; if not, it just runs the Python.",
    "When the condition of an `if` is a tensor, AutoGraph turns both branches into small "
    "functions and emits one conditional op that picks a branch when the graph runs.",
    "One trace serves positive and negative inputs alike:",
    "The branches live inside the `StatelessIf` op (drawn as a single node); the "
    "`GreaterEqual` op computes the condition at run time.",
)
def test_tensor_if_becomes_one_conditional_op(output, drawn):
    path = "snippets/autograph/tensor_if_becomes_cond.py"
    shown = lines(output(path))
    assert shown[:3] == ["tracing", "3 4", "traces: 1"]  # traced once, before both results
    assert len(shown) == 4
    ops = _ops(shown[3], "ops: ")
    assert ops.count("StatelessIf") == 1
    assert not {"If", "Neg"} & set(ops)  # the branches are inside the op
    assert "GreaterEqual" in ops
    nodes = re.findall(r"<text[^>]*>([^<]*)</text>", drawn(path, "concrete"))
    assert nodes.count("StatelessIf") == 1 and "Neg" not in nodes


@claim(
    "autograph.md",
    "Both branches are traced",
    "To build the conditional op, AutoGraph traces *both* branches, whatever the value will be.",
    "A Python side effect in either branch runs while tracing, even in the branch the call "
    "does not take: after one call with a positive `x`, both `append`s have run, once each.",
    "A Python variable assigned in the branches becomes the op's output, a tensor, even one "
    "that started as a Python int, so both branches must give it the same dtype:",
)
def test_both_branches_are_traced_and_must_agree_on_dtype(output):
    shown = lines(output("snippets/autograph/both_branches_traced.py"))
    assert shown[:4] == [
        "3",
        "Python side effects while tracing: ['positive branch', 'negative branch']",
        "after the if, count is a tensor: True",
        "count_positive(3) = 1",
    ]
    assert len(shown) == 5
    assert re.fullmatch(
        r"TypeError: .*'y' has dtype int32 in the main branch, but dtype float32 in the else"
        r" branch",
        shown[4],
    )


@claim(
    "autograph.md",
    "**AutoGraph** answers that: before tracing, `tf.function` rewrites your function's source "
    "so that `if`, `while` and `for` statements that depend on tensors become graph ops (`cond` "
    "and `while_loop`), while statements that depend on plain Python values run as ordinary "
    "Python during tracing.",
    "Each `ag__` call checks, when the function is traced, whether its condition or iterable is "
    "a tensor: if it is, it builds the graph op; if not, it just runs the Python.",
    "When the condition is a plain Python value, AutoGraph leaves the `if` alone.",
    "It runs during tracing, and only the branch it took is recorded.",
    "Each different Python value is a different trace, with a different graph:",
    'Python booleans are the right tool for hyperparameters such as "use ReLU or tanh": each '
    "setting gets its own lean graph.",
    "Do not pass a value that changes on every call this way; each new value traces again.",
)
def test_python_if_decided_at_trace_time(output):
    shown = lines(output("snippets/autograph/python_if_decided_at_trace.py"))
    assert shown[:4] == [
        "use_relu=True: [0. 2.]",
        "use_relu=False: [-0.7615942  0.9640276]",
        "use_relu=True: [0. 2.]",
        "traces: 2",  # True and False; the second True reuses its graph
    ]
    assert len(shown) == 6
    relu, tanh = _ops(shown[4], "graph for True: "), _ops(shown[5], "graph for False: ")
    assert "Relu" in relu and "Tanh" not in relu  # only the branch taken
    assert "Tanh" in tanh and "Relu" not in tanh
    assert not {"If", "StatelessIf"} & set(relu + tanh)


@claim(
    "autograph.md",
    "**AutoGraph** answers that: before tracing, `tf.function` rewrites your function's source "
    "so that `if`, `while` and `for` statements that depend on tensors become graph ops (`cond` "
    "and `while_loop`), while statements that depend on plain Python values run as ordinary "
    "Python during tracing.",
    "A `while` whose condition is a tensor becomes a single `While` op: the number of "
    "iterations is decided when the graph runs, so one trace serves all three inputs below.",
)
def test_tensor_while_becomes_loop_op(output):
    shown = lines(output("snippets/autograph/tensor_while_loop.py"))
    assert shown[:4] == [
        "halvings(1) = 0",
        "halvings(8) = 3",
        "halvings(1000) = 9",
        "traces: 1",
    ]
    assert len(shown) == 5
    assert re.fullmatch(r"loop ops: \['(Stateless)?While'\]", shown[4])


@claim(
    "autograph.md",
    "**AutoGraph** answers that: before tracing, `tf.function` rewrites your function's source "
    "so that `if`, `while` and `for` statements that depend on tensors become graph ops (`cond` "
    "and `while_loop`), while statements that depend on plain Python values run as ordinary "
    "Python during tracing.",
    "Each `ag__` call checks, when the function is traced, whether its condition or iterable is "
    "a tensor: if it is, it builds the graph op; if not, it just runs the Python.",
    "A `for` loop over a Python `range` is ordinary Python: it runs during tracing and "
    "records its body once per iteration.",
    "The graph grows with the count, and the count is frozen into the graph, so a different "
    "count traces again.",
    "A `for` over `tf.range` becomes one loop op whatever the count:",
)
def test_range_unrolls_tf_range_loops(output):
    shown = lines(output("snippets/autograph/range_vs_tf_range.py"))
    assert len(shown) == 5
    sizes = {}
    for n, line in zip([3, 10], shown[:2], strict=True):
        found = re.fullmatch(rf"n={n:2}: range -> (\d+) ops, tf\.range -> (\d+) ops", line)
        assert found, line
        sizes[n] = int(found[1]), int(found[2])
    (unrolled_3, looped_3), (unrolled_10, looped_10) = sizes[3], sizes[10]
    # The unrolled graph grows by the same ops (one copy of the body) per iteration.
    assert unrolled_10 > unrolled_3 and (unrolled_10 - unrolled_3) % (10 - 3) == 0
    assert looped_10 == looped_3  # the loop op's graph does not grow
    assert re.fullmatch(r"loop ops with tf\.range: \['(Stateless)?While'\]", shown[2])
    assert shown[3:] == ["traces of unrolled: 2", "traces of looped:   1"]


@claim(
    "autograph.md",
    "`break` and `continue` work inside tensor loops: AutoGraph turns them into extra loop state.",
    "The loop below skips negative values and stops at the first match; passing `k` as a "
    "tensor keeps it to one trace.",
)
def test_break_and_continue(output):
    assert lines(output("snippets/autograph/break_continue_return.py")) == [
        "first multiple of 3: index 3",  # -6 skipped by continue
        "first multiple of 4: index 4",
        "first multiple of 11: index -1",
        "traces: 1",
    ]


@claim(
    "autograph.md",
    "A `return` inside a tensor loop is another matter: the loop op cannot end the function "
    "from inside.",
)
def test_return_inside_tensor_loop_is_an_error(output):
    assert lines(output("snippets/autograph/return_inside_loop.py")) == [
        "NotImplementedError: a return statement cannot be placed inside this TensorFlow "
        "loop; this may happen if a return statement depends on a static Python condition "
        "such as a hyperparameter"
    ]


@claim(
    "autograph.md",
    "A `while True:` left by a `break` on a tensor condition does not become a loop op on "
    "this TensorFlow: the loop starts with a Python condition and AutoGraph refuses to "
    "switch it to a tensor one midway.",
    "Guides show this pattern working; the error below is what the release that built this "
    "page does with it.",
    "Put the tensor test in the loop's condition instead.",
    "A `for` loop over a Python *list* of tensors is unrolled: one copy of the body per "
    "element, three `Sum` ops for three tensors.",
)
def test_tensor_break_in_while_true_and_python_list_loops(output):
    assert lines(output("snippets/autograph/break_and_python_lists.py")) == [
        "NotImplementedError: The condition of while loop started as non-Tensor, "
        "then changed to Tensor",
        "fixed: 128",
        "total: 15.0",
        "Sum ops in the graph: 3",
    ]


@claim(
    "autograph.md",
    "To collect a value from each iteration of a tensor loop, use `tf.TensorArray`: each "
    "`write` returns the updated array, and `stack()` turns it into one tensor.",
)
def test_tensor_array_accumulates(output):
    assert lines(output("snippets/autograph/accumulate_in_loop.py")) == [
        "[ 1  3  6 10]",
        "[10  0  5]",
    ]


@claim(
    "autograph.md",
    "`tf.autograph.to_code` shows what AutoGraph turns a function into.",
    "Here the `for` becomes a call to `ag__.for_stmt` and the `if` a call to `ag__.if_stmt`.",
    "The `break` becomes two flags: `continue_` skips the rest of the body, through a second "
    "`ag__.if_stmt`, and `break_`, carried through the loop beside `total`, ends the loop.",
    "`break` and `continue` work inside tensor loops: AutoGraph turns them into extra loop state.",
)
def test_to_code_shows_converted_statements(output):
    shown = _listing(output("snippets/autograph/to_code.py"))
    assert shown[0] == "def tf__clipped_sum(values, limit):"
    calls = [line.strip() for line in shown if re.match(r" +ag__\.\w+_stmt\(", line)]
    assert len(calls) == 3  # if, the guard after it, then the loop that holds them
    first_if, guard, loop = calls
    assert re.fullmatch(
        r"ag__\.if_stmt\(ag__\.ld\(total\) \+ ag__\.ld\(v\) > ag__\.ld\(limit\), if_body,"
        r" else_body, get_state, set_state, \(('break_', 'continue_'|'continue_', 'break_')\),"
        r" 2\)",
        first_if,
    )
    assert guard == (
        "ag__.if_stmt(ag__.not_(continue_), if_body_1, else_body_1, get_state_1, set_state_1,"
        " ('total',), 1)"
    )
    assert re.fullmatch(
        r"ag__\.for_stmt\(ag__\.ld\(values\), extra_test, loop_body, get_state_2, set_state_2,"
        r" \(('total', 'break_'|'break_', 'total')\), \{'iterate_names': 'v'\}\)",
        loop,
    )
    at = shown.index("        def extra_test():")
    assert shown[at + 2] == "            return ag__.not_(break_)"  # break_ ends the loop
    assert shown[-1] == "        return fscope.ret(retval_, do_return)"


@claim(
    "autograph.md",
    "`to_code` needs the Python function underneath: given the `tf.function` object it "
    "raises, and its message names the fix, `f.python_function`.",
    "The full listing it prints then is plumbing, collapsed below:",
)
def test_to_code_on_a_tf_function_names_the_fix(output):
    shown = _listing(output("snippets/autograph/to_code_on_tf_function.py"))
    assert re.fullmatch(
        r"ConversionError: converting <.+>: .*"
        r"If this is a @tf\.function, try passing f\.python_function instead\.",
        shown[0],
    )
    assert shown[1] == "def tf__clipped(x, limit):"
    calls = [line.strip() for line in shown if re.match(r" +ag__\.\w+_stmt\(", line)]
    assert calls == [
        "ag__.if_stmt(ag__.ld(x) > ag__.ld(limit), if_body, else_body, get_state, set_state,"
        " ('x',), 1)"
    ]
    assert shown[-1] == "        return fscope.ret(retval_, do_return)"


@claim(
    "autograph.md",
    "AutoGraph also rewrites some Python builtins when they receive a tensor: `float` and "
    "`int` become casts, `len` reads the first dimension, and a `for` statement over "
    "`range(tensor)` becomes a `tf.range` loop.",
    "Only the statement is converted: `range(tensor)` inside an expression such as "
    "`sum(...)` is iterated by Python and fails.",
    "`print` is not converted at all: it runs while tracing and prints the symbolic tensor, "
    "not a value (use `tf.print`).",
    "With `autograph=False` none of this happens, and each builtin above that needs a value "
    "raises a `TypeError`; `abs` works either way, because tensors implement it themselves:",
)
def test_builtins_on_tensors(output):
    shown = lines(output("snippets/autograph/builtins_on_tensors.py"))
    printed = '    print ran, with Tensor("x:0", shape=(), dtype=float32)'
    assert shown == [
        "autograph=True:",
        "  float(x)           -> float32 tensor 3.0",
        "  int(x)             -> int32 tensor 3",
        "  len(v)             -> int32 tensor 3",
        "  for i in range(n)  -> int32 tensor 3",
        "  sum(range(n))      -> OperatorNotAllowedInGraphError",
        "  abs(x)             -> float32 tensor 3.0",
        printed,
        "  print(x)           -> None",
        "autograph=False:",
        "  float(x)           -> TypeError",
        "  int(x)             -> TypeError",
        "  len(v)             -> TypeError",
        "  for i in range(n)  -> TypeError",
        "  sum(range(n))      -> TypeError",
        "  abs(x)             -> float32 tensor 3.0",
        printed,
        "  print(x)           -> None",
    ]


@claim(
    "autograph.md",
    "So `if float(x) > 0:` in a `tf.function` is not decided by Python: `float(x)` becomes a "
    "cast, the comparison a tensor, and the `if` a `tf.cond`.",
    "Both branches are traced on the first call (both `print`s run); the second call, with a "
    "negative `x`, traces nothing, and the graph takes the other branch.",
    "Without AutoGraph, `float` needs a value and fails; with a vector, the `if` needs one "
    "`True` or `False` and fails too:",
)
def test_float_in_condition_becomes_a_cond_with_both_branches_traced(output):
    out = output("snippets/autograph/float_in_condition.py")
    shown = lines(out)
    assert shown[:7] == [
        "first call, x = 2.0:",
        "  tracing the x > 0 branch",
        "  tracing the x <= 0 branch",
        "result: 2.0",
        "second call, x = -3.0 (no trace: the graph holds both branches):",
        "result: 3.0",
        "traces: 1",
    ]
    assert len(shown) == 9
    assert re.fullmatch(
        r"autograph=False: TypeError: float\(\) argument must be a string or a real"
        r" number, not '(Symbolic)?Tensor'",
        shown[7],
    )
    assert re.fullmatch(
        r"a vector: ValueError: condition of if statement expected to be `tf\.bool`"
        r" scalar, got .*",
        shown[8],
    )


@claim(
    "autograph.md",
    "A graph needs every variable to exist on every path, with a shape that a loop does not "
    "change.",
    "The two errors below are what TensorFlow raises when that is not so; each message's last "
    "line, printed here, names the problem.",
    "A variable defined in only one branch of a tensor `if`:",
)
def test_undefined_in_one_branch(output):
    assert lines(output("snippets/autograph/undefined_in_one_branch.py")) == [
        "ValueError: 'y' must also be initialized in the else branch"
    ]


@claim(
    "autograph.md",
    "A graph needs every variable to exist on every path, with a shape that a loop does not "
    "change.",
    "The two errors below are what TensorFlow raises when that is not so; each message's last "
    "line, printed here, names the problem.",
    "A loop variable whose shape changes between iterations, and the fix, "
    "`tf.autograph.experimental.set_loop_options` with a shape invariant:",
)
def test_loop_var_changing_shape_and_fix(output):
    assert lines(output("snippets/autograph/loop_var_changes_shape.py")) == [
        "ValueError: 'x' has shape (1,) before the loop, but shape (2,) after one iteration."
        " Use tf.autograph.experimental.set_loop_options to set shape invariants.",
        "fixed: [0 1 2 3]",
    ]


@claim(
    "autograph.md",
    "A condition AutoGraph does not see: the `if` inside a list comprehension.",
    "AutoGraph leaves comprehensions to Python, so this `if` asks Python for the truth value "
    "of a symbolic tensor:",
)
def test_comprehension_condition_not_converted(output):
    shown = lines(output("snippets/autograph/comprehension_not_converted.py"))
    assert len(shown) == 1
    assert re.fullmatch(rf"OperatorNotAllowedInGraphError: {NOT_ALLOWED}.*", shown[0])


@claim(
    "autograph.md",
    "The comprehension is one of several places AutoGraph leaves to Python.",
    "Each of the first four cases below fails in a `tf.function` with AutoGraph on, and the "
    "`_fixed` version beside it says the same thing with TensorFlow ops.",
    "Some expressions are converted, though: the last two cases, a conditional expression "
    "(`a if c else b`) and an `and` of two tensor comparisons, run:",
)
def test_bool_despite_autograph(output):
    shown = lines(output("snippets/autograph/bool_despite_autograph.py"))
    expected = []
    for name, fixed in [
        ("comprehension_filter", "[3. 2.]"),
        ("any_builtin", "True"),
        ("bool_builtin", "True"),
        ("assert_statement", "3.0"),
    ]:
        expected += [
            f"{name:29} -> OperatorNotAllowedInGraphError",
            f"{name + '_fixed':29} -> {fixed}",
        ]
    expected += [
        f"{'conditional_expression':29} -> 3.0",  # 3.0 if 3.0 > 0 else -3.0
        f"{'and_in_expression':29} -> False",  # 3.0 > 0 and -1.0 > 0
    ]
    assert shown == expected


@claim(
    "autograph.md",
    "Iterating is the same problem: a comprehension over a tensor asks Python for its "
    "elements, which a trace does not have.",
    "A `for` statement over `tf.range` is converted into a graph loop; often one vectorized op "
    "needs no loop at all:",
)
def test_iterating_a_symbolic_tensor(output):
    assert lines(output("snippets/autograph/iterate_symbolic_tensor.py")) == [
        "OperatorNotAllowedInGraphError: Iterating over a symbolic `tf.Tensor` is not allowed.",
        "for statement: [2 4 6]",
        "one op, no loop: [2 4 6]",
    ]


@claim(
    "autograph.md",
    "`tf.function(f, autograph=False)` traces `f` without converting it.",
    "Python control flow on Python values still works; a tensor condition raises:",
)
def test_autograph_false(output):
    shown = lines(output("snippets/autograph/autograph_false.py"))
    assert shown[:3] == [
        "autograph=True:  2.0",
        "autograph=False, Python condition: 0.0",
        "autograph=False, tensor condition: OperatorNotAllowedInGraphError",
    ]
    assert len(shown) == 4
    assert re.fullmatch(rf"{NOT_ALLOWED}.*", shown[3])


@claim(
    "autograph.md",
    "AutoGraph also leaves a function alone when you mark it with "
    "`@tf.autograph.experimental.do_not_convert`, and when it cannot read the function's "
    "source, as for a function compiled from a string.",
    "For the string, TensorFlow prints no warning when it gives up; the only hint is in the "
    'error the unconverted condition raises ("your source code may not be visible to '
    'AutoGraph"):',
    "code that AutoGraph cannot read is traced unconverted.",
    "`do_not_convert` only silences the warning; use it for code with no tensor control flow.",
)
def test_conversion_skipped(output):
    shown = lines(output("snippets/autograph/conversion_skipped.py"))
    # Three lines: both conditions fail, and no warning comes before or between them.
    assert shown[:2] == [
        "do_not_convert: OperatorNotAllowedInGraphError",
        "no source: OperatorNotAllowedInGraphError",
    ]
    assert len(shown) == 3
    assert re.fullmatch(
        rf"{NOT_ALLOWED} .*your source code may not be visible to AutoGraph\..*", shown[2]
    )


@claim(
    "autograph.md",
    "When AutoGraph finds the source but cannot tell which function it is looking at, it "
    'does warn: "AutoGraph could not transform ... and will run it as-is", with the cause.',
    "Two lambdas on one line are the classic case; give each its own line (or a `def`):",
    "Here nothing breaks, because the lambdas have no control flow to convert.",
)
def test_two_lambdas_on_a_line_are_run_as_is_with_a_warning(output):
    out = output("snippets/autograph/could_not_transform.py")
    shown = lines(out)
    warning = (
        "WARNING:tensorflow:AutoGraph could not transform <function <lambda> at 0x…> "
        "and will run it as-is."
    )
    assert shown[0] == warning  # while tracing, before the result
    assert shown.count(warning) == 2  # one per lambda
    causes = [line for line in shown if line.startswith("Cause: ")]
    assert len(causes) == 2
    for cause in causes:
        assert re.fullmatch(
            r"Cause: could not parse the source code of <function <lambda> at 0x…>: found"
            r" multiple definitions with identical signatures at the location\..*",
            cause,
        )
    assert shown[-1] == "result: 15"


@claim(
    "autograph.md",
    "With a tensor condition inside, the unconverted code fails, as the next examples show.",
    "Other reasons AutoGraph runs a function as-is",
    "The same warning has other causes.",
    "Each helper below has a tensor condition, and each is one case: source typed into an "
    "interactive shell (its code says it comes from `<stdin>`, which Python cannot read "
    "back), a name-mangled attribute (`self.__factor`), and a loop with an `else` clause.",
    "AutoGraph warns, names the cause, runs the helper unconverted, and the condition then fails:",
)
def test_every_conversion_fallback_warns_with_its_cause_and_the_if_fails(output):
    out = output("snippets/autograph/conversion_fallbacks.py")
    cases = re.split(r"^--- ", out, flags=re.M)[1:]
    causes = {
        "typed into an interactive shell": r"Cause: Unable to locate the source code of "
        r"<function sign at 0x…>\. Note that functions defined in certain environments,"
        r" like the interactive Python shell, do not expose their source code\..*",
        "name-mangled attribute": r"Cause: mangled names are not yet supported",
        "for/else": r"Cause: for/else statement not yet supported",
        "while/else": r"Cause: while/else statement not yet supported",
    }
    assert [case.splitlines()[0] for case in cases] == list(causes)
    for case, cause in zip(cases, causes.values(), strict=True):
        shown = lines(case)
        assert re.fullmatch(
            r"WARNING:tensorflow:AutoGraph could not transform <.+> and will run it as-is\.",
            shown[1],
        ), case
        assert any(re.fullmatch(cause, line) for line in shown), case
        assert shown[-1] == f"OperatorNotAllowedInGraphError: {NOT_ALLOWED_LINE}"

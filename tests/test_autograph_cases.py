"""Claims docs/autograph-cases.md makes about its snippets' output: each table
is asserted whole, row by row, in order."""

from conftest import claim, lines

PAGE = "autograph-cases.md"

CUT = (
    "In every table, the outcome is `ok` or the class of the exception raised, and the last "
    "column is what the function returned or the line of TensorFlow's message that names the "
    "problem (the lines above it, `in user code:` and a file and line number, point at your "
    "code), at most its first sentence, with `…` where the row has no room for the rest of it."
)


def table(widths: list[int], rows: list[tuple]) -> list[str]:
    """The rows as the snippet prints them: each column but the last padded
    to its width, two spaces between columns."""
    return [
        "  ".join(
            [
                *(
                    f"{cell:{width}}"
                    for cell, width in zip(row[:-1], widths[: len(row) - 1], strict=True)
                ),
                row[-1],
            ]
        )
        for row in rows
    ]


@claim(
    PAGE,
    CUT,
    "A tensor `if` becomes one conditional op.",
    "Its outputs are the names that either branch assigns and the code after the `if` reads, "
    "and the function's result when a branch returns.",
    "Each output must exist at the end of both branches, with the same dtype and the same "
    "nested structure (tuples of one length, for instance); its shape may differ.",
    "Each function below gets a float32 scalar `x`, and each row names what its two branches "
    "give `y` (or return):",
    "Several cases work that readers often expect to fail.",
    "A name set in one branch and not read after the `if` is local to that branch: nothing is "
    "checked.",
    "Branches may give tensors of different shapes; the result's shape is then only as specific "
    "as both allow, `(None,)` for lengths 2 and 3, unknown for ranks 1 and 2.",
    "And a `return` in the `if` followed by more code, the early return, is fine: the code "
    "after the `if` counts as the other branch.",
    "A Python number in a branch becomes a tensor of the dtype Python's type gives it: `0` "
    "becomes an int32 tensor, which a float32 tensor in the other branch does not match, while "
    "`0.0` becomes a float32 one.",
    "A `return` in the `if` needs one on the other path too (here, after the `if`), and the "
    "value it returns is checked like a variable: the messages call it `retval_`.",
)
def test_branch_mismatch_cases(output):
    dtype = "'{}' has dtype {} in the main branch, but dtype {} in the else branch"
    nested = "'{}' must have the same nested structure in the main and else branches:"
    assert lines(output("snippets/autograph/branch_mismatch_cases.py")) == table(
        [18, 10],
        [
            ("branches differ", "outcome", "TensorFlow's message, or what the function returns"),
            ("y only in the if", "ValueError", "'y' must also be initialized in the else branch"),
            ("y only in the else", "ValueError", "'y' must also be initialized in the main branch"),
            ("unused y in the if", "ok", "float32, shape ()"),
            ("int32 vs float32", "TypeError", dtype.format("y", "int32", "float32")),
            ("0 vs float32", "TypeError", dtype.format("y", "int32", "float32")),
            ("0.0 vs float32", "ok", "float32, shape ()"),
            ("1 vs 2", "ok", "int32, shape ()"),
            ("None vs tensor", "ValueError", "'y' is None at the end of the main branch."),
            ("(x,) vs (x, x)", "TypeError", nested.format("y")),
            ("shape (2,) vs (3,)", "ok", "float32, shape (None,)"),
            ("rank 1 vs rank 2", "ok", "float32, shape <unknown>"),
            (
                "return only in if",
                "ValueError",
                "the else branch must also have a return statement.",
            ),
            (
                "return x vs 0",
                "TypeError",
                "'retval_' has dtype float32 in the main branch, but dtype int32 in the else…",
            ),
            ("return (x, x) vs x", "TypeError", nested.format("retval_")),
            ("return x vs None", "ValueError", "'retval_' is None at the end of the else branch."),
            ("early return", "ok", "float32, shape ()"),
        ],
    )


@claim(
    PAGE,
    "Both branches are traced, so every Python statement in either branch runs while tracing, "
    "whatever the condition will be; only the TensorFlow ops are recorded per branch, and each "
    "runs only when its branch is taken.",
    "Each function below holds one statement in its `else` branch; the first call, `f(3)`, "
    "traces and takes the `if` branch, the second, `f(-3)`, takes the `else` branch:",
    "`print` and `calls.append` ran on the first call, in the branch that call did not take, "
    "and not on the second, which took it.",
    "`tf.print` and `v.assign_add` did the opposite: they are ops of the `else` branch and ran "
    "only when it was taken.",
    "A `raise` in a branch raises while tracing, whatever the input: `f(3)` fails although "
    "its branch never reaches the `raise`, and no graph is kept, so the count of traces stays 0.",
)
def test_branch_not_taken_cases(output):
    raised = "ValueError: x must be positive"
    rows = [
        ("statement in the else", "f(3): traces, runs if", "f(-3): runs else", "traces"),
        ('print("else")', "ran", "did not run", 1),
        ('tf.print("else")', "did not run", "ran", 1),
        ("v.assign_add(1)", "did not run", "ran", 1),
        ('calls.append("else")', "ran", "did not run", 1),
        ('raise ValueError("...")', raised, raised, 0),
    ]
    assert lines(output("snippets/autograph/branch_not_taken_cases.py")) == [
        f"{statement:25}{first:32}{second:32}{traces}" for statement, first, second, traces in rows
    ]


@claim(
    PAGE,
    "A tensor loop becomes one loop op, and every variable it carries from one iteration to the "
    "next must keep its dtype and nested structure, and its shape unless a shape invariant says "
    "otherwise.",
    "AutoGraph checks this on the first iteration it traces and names the variable; "
    "`tf.while_loop`, called directly, checks the same and words it its own way.",
    "Each function below is called with `n = tf.constant(3)`; in the `+` rows, the loop of the "
    "row above declares the varying shape:",
    "A shape may change when the loop declares it: "
    "`tf.autograph.experimental.set_loop_options(shape_invariants=...)` in a converted loop, the "
    "`shape_invariants` argument of `tf.while_loop`.",
    "A variable whose shape is already unknown before the loop, here `tf.range(n - 2)`, needs "
    "neither.",
    "A Python number becomes a tensor when the loop starts: `0` becomes an int32 tensor, so "
    "`x + 0.5` fails on the first iteration with the `AddV2` op's own message, while `0.0` "
    "works.",
)
def test_loop_variable_cases(output):
    assert lines(output("snippets/autograph/loop_variable_cases.py")) == table(
        [20, 10],
        [
            ("the loop changes", "outcome", "TensorFlow's message, or the result for n = 3"),
            (
                "shape: while",
                "ValueError",
                "'x' has shape (1,) before the loop, but shape (2,) after one iteration.",
            ),
            ("+ set_loop_options", "ok", "[0 0 1 2]"),
            (
                "shape: tf.while_loop",
                "ValueError",
                "Input tensor `Const:0` enters the loop with shape (1,), but has shape (2,)…",
            ),
            ("+ shape_invariants", "ok", "[0 0 1 2]"),
            ("shape unknown before", "ok", "[0 0 1 2]"),
            (
                "dtype: while",
                "TypeError",
                "'x' has dtype int32 before the loop, but dtype float32 after one iteration",
            ),
            (
                "dtype: tf.while_loop",
                "TypeError",
                "Loop var Const:0 enters the loop with type <dtype: 'int32'> but has type…",
            ),
            (
                "0, then x + 0.5",
                "TypeError",
                "Input 'y' of 'AddV2' Op has type float32 that does not match type int32 of…",
            ),
            ("0.0, then x + 0.5", "ok", "1.5"),
            (
                "(x,), then (i, i)",
                "TypeError",
                "'x' does not have the same nested structure after one iteration.",
            ),
        ],
    )


@claim(
    PAGE,
    "A Python list appended to inside a tensor loop collects tensors of the loop body's graph, "
    "which the function cannot use after the loop.",
    "`tf.TensorArray` is the loop's own list: its size is fixed unless `dynamic_size=True`, and "
    "`stack()` returns its elements as one tensor.",
    "Writing past a fixed size fails when the graph runs, not while tracing, and `size=0` "
    "without `dynamic_size=True` cannot take a single write.",
    "An element never written reads as zeros: with `size=3` and a loop that runs zero times, "
    "`stack()` returns three rows of zeros, where `dynamic_size=True` with `size=0` returns an "
    "empty tensor.",
)
def test_tensor_array_size_cases(output):
    shown = lines(output("snippets/autograph/tensor_array_size_cases.py"))
    rows = [
        ("collected in", "n", "outcome", "TensorFlow's message, or what stack() returns"),
        (
            "Python list, append",
            3,
            "InaccessibleTensorError",
            "<tf.Tensor …> is out of scope and cannot be used here.",
        ),
        ("size=3", 3, "ok", "[[0, 0], [1, 1], [2, 2]]"),
        (
            "size=2",
            3,
            "InvalidArgumentError",
            "Trying to modify element 2 in a list with 2 elements.",
        ),
        (
            "size=0",
            3,
            "InvalidArgumentError",
            "Trying to modify element 0 in a list with 0 elements.",
        ),
        ("size=0, dynamic_size=True", 3, "ok", "[[0, 0], [1, 1], [2, 2]]"),
        ("size=3", 0, "ok", "[[0, 0], [0, 0], [0, 0]]"),
        ("size=0, dynamic_size=True", 0, "ok", "[]"),
    ]
    assert shown == [f"{case:26} {n:>2}  {outcome:23}  {said}" for case, n, outcome, said in rows]


@claim(
    PAGE,
    "`stack()` needs every element to have the same shape, and no option of `tf.TensorArray` "
    "changes that: `infer_shape=False` and `element_shape=[None]` still fail at `stack()` when "
    "the graph runs.",
    "Each row writes elements of shapes `(1,)`, `(2,)` and `(3,)` into "
    "`tf.TensorArray(tf.float32, size=3)` with the options named:",
    "What reads elements of different shapes is `concat()`, which joins them along their first "
    "axis, or `read(i)`, one at a time.",
    "The options matter for writes whose shapes are known while tracing, as in a loop that "
    "Python unrolls: by default the array takes the first element's shape and rejects the second "
    "while tracing, even with `element_shape=[None]`; `infer_shape=False` lets the writes "
    "through.",
)
def test_tensor_array_shape_cases(output):
    merge = "PartialTensorShape: Incompatible shapes during merge:…"
    saw = "Inconsistent shapes: saw (2,) but expected (1,)"
    failed = "InvalidArgumentError"
    rows = table(
        [20, 8, 20],
        [
            ("options", "read", "outcome", "TensorFlow's message, or what the read returns"),
            ("--- written in a tf.range loop",),
            ("(defaults)", "stack()", failed, merge),
            ("infer_shape=False", "stack()", failed, merge),
            ("element_shape=[None]", "stack()", failed, merge),
            (
                "element_shape=[2]",
                "stack()",
                failed,
                "Tried to set a tensor with incompatible shape at a…",
            ),
            ("(defaults)", "concat()", "ok", "[1. 1. 1. 1. 1. 1.]"),
            ("(defaults)", "read(2)", "ok", "[1. 1. 1.]"),
            ("--- written by a Python loop (unrolled)",),
            ("(defaults)", "concat()", "ValueError", saw),
            ("element_shape=[None]", "concat()", "ValueError", saw),
            ("infer_shape=False", "concat()", "ok", "[1. 1. 1. 1. 1. 1.]"),
            ("infer_shape=False", "stack()", failed, merge),
        ],
    )
    assert lines(output("snippets/autograph/tensor_array_shape_cases.py")) == rows


@claim(
    PAGE,
    "`break` and `continue` in a tensor loop (over `tf.range`, or over a tensor) become loop "
    "state and work; a `return` in a tensor loop does not.",
    "A loop over a Python list or a Python `range` is unrolled while tracing, and a `break` or "
    "`return` there may not depend on a tensor, because Python would need its value to know "
    "whether to go on.",
    "`while True:` is a Python loop too, so a tensor `break` cannot end it.",
    "Each function gets `[1, 2, -3, 4]`, as a tensor or, for the Python-list rows, as a list of "
    "four scalar tensors, and stops at (or skips) the negative value:",
    "The fixes: `break` and return after the loop (`break, tf.range` above), loop over "
    "`tf.range` rather than a Python `range` or list when the exit depends on a tensor, and put "
    "the tensor test in the `while` condition rather than `while True:`.",
)
def test_loop_exit_cases(output):
    not_supported = "break and return statements which depend on a TF condition are…"
    no_return = "a return statement cannot be placed inside this TensorFlow loop"
    failed = "NotImplementedError"
    assert lines(output("snippets/autograph/loop_exit_cases.py")) == table(
        [20, 19],
        [
            ("loop", "outcome", "TensorFlow's message, or the result"),
            ("break, tf.range", "ok", "3"),  # 1 + 2, stopped at -3
            ("continue, tf.range", "ok", "7"),  # 1 + 2 + 4, -3 skipped
            ("break, over a tensor", "ok", "3"),
            ("return, tf.range", failed, no_return),
            ("return, tensor while", failed, no_return),
            (
                "break, while True",
                failed,
                "The condition of while loop started as non-Tensor, then changed…",
            ),
            ("Python list", "ok", "4"),
            ("break, Python list", failed, not_supported),
            (
                "return, Python list",
                "ValueError",
                "the else branch must also have a return statement.",
            ),
            ("break, Python range", failed, not_supported),
        ],
    )


@claim(
    PAGE,
    "Loops that may run zero times",
    "A tensor loop's number of iterations is known only when the graph runs, so one trace "
    "serves `n = 3` and `n = 0`, and what zero iterations mean is decided then.",
    "A variable that gets its first value inside the loop is checked then too:",
    "A variable first set in the loop works for `n=3` and fails for `n=0` from the same graph: "
    "an assertion AutoGraph adds to the graph fails when the graph runs, not while tracing.",
    "Setting it to `None` before the loop does not help; give it a real value of the right "
    "dtype and shape, as `total = 0` does.",
    "The loop index after a `tf.range` loop that ran zero times is 0, where Python would raise "
    "`UnboundLocalError`.",
    "Over an empty Python list, AutoGraph's own check fails while tracing.",
)
def test_loop_zero_times_cases(output):
    never = "assertion failed: [loop must iterate at least once to initialize y]"
    failed = "InvalidArgumentError"
    rows = table(
        [19, 20],
        [
            ("loop, input", "outcome", "TensorFlow's message, or the result"),
            ("total += i, n=3", "ok", "3"),
            ("total += i, n=0", "ok", "0"),
            ("y only in loop, n=3", "ok", "4"),
            ("y only in loop, n=0", failed, never),
            ("y = None first, n=3", "ok", "4"),
            ("y = None first, n=0", failed, never),
            ("i after loop, n=3", "ok", "2"),
            ("i after loop, n=0", "ok", "0"),
            ("y only in loop, []", "UnboundLocalError", "'y' is used before assignment"),
        ],
    )
    rows.append("traces of each tf.range function, n=3 and n=0 together: [1, 1, 1, 1]")
    assert lines(output("snippets/autograph/loop_zero_times_cases.py")) == rows

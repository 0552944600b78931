"""Claims docs/debugging.md makes about its snippets' output."""

import re

from conftest import claim, lines, recorded
from traced import provenance


def device_kind() -> str:
    """``CPU`` or ``GPU``: where the outputs read were computed."""
    data = recorded()
    return (data["device_kind"] if data else provenance.device_kind()).upper()


@claim(
    "debugging.md",
    "`tf.config.run_functions_eagerly(True)` makes every `tf.function` run its Python body "
    "eagerly: `print` shows values and a debugger stops at your lines.",
    "It is a global setting, so switch it back in a `finally` block:",
    "Eagerly, the Python body ran on both calls and printed values.",
    "As a graph, `print` ran once per trace (two shapes, two traces) and showed symbolic tensors.",
    "To look at values, run the function eagerly; restore the setting in `finally`.",
)
def test_run_functions_eagerly_and_restore(output):
    symbolic = '  mean is Tensor("Mean:0", shape=(), dtype=float32)'
    assert lines(output("snippets/debugging/run_functions_eagerly.py")) == [
        "run_functions_eagerly: True",
        "  mean is tf.Tensor(3.0, shape=(), dtype=float32)",
        "  mean is tf.Tensor(4.0, shape=(), dtype=float32)",
        "run_functions_eagerly: False",
        symbolic,
        symbolic,
    ]


@claim(
    "debugging.md",
    "A function passed to `Dataset.map` is always traced into the dataset's graph: "
    "`run_functions_eagerly(True)` does not reach it, and TensorFlow says so in a warning.",
    "`tf.data.experimental.enable_debug_mode()` does: from the call on, map functions run "
    "eagerly, element by element (after one trace to learn the output types), so `print`, "
    "`.numpy()` and a debugger work inside them.",
    "`run_functions_eagerly(True)` does not reach `tf.data`: under it, the map function above "
    "was still traced, once, and got a symbolic tensor.",
    "Debug mode traces it once too, then runs it on each element.",
)
def test_tf_data_debug_mode(output):
    shown = lines(output("snippets/debugging/tf_data_debug_mode.py"))
    assert shown[:3] == [
        "tf.config.run_functions_eagerly(True):",
        "  map function got SymbolicTensor",
        "  values: [0, 2, 4]",
    ]
    assert re.fullmatch(
        r"  UserWarning: Even though the `tf\.config\.experimental_run_functions_eagerly`"
        r" option is set, this option does not apply to tf\.data functions\. .*"
        r"`tf\.data\.experimental\.enable_debug_mode\(\)`\.",
        shown[3],
    )
    assert shown[4:] == [
        "tf.data.experimental.enable_debug_mode():",
        "  map function got SymbolicTensor",
        "  map function got EagerTensor",
        "  map function got EagerTensor",
        "  map function got EagerTensor",
        "  values: [0, 2, 4]",
    ]


@claim(
    "debugging.md",
    "`tf.debugging.enable_check_numerics()` adds a check after every floating point op traced "
    "from then on, and raises at the first op that outputs `Inf` or `NaN`, naming it (here "
    "`Log`).",
    "Before it was enabled, the same computation returned `nan` unchecked:",
    "`enable_check_numerics` before tracing to find the first NaN.",
)
def test_check_numerics_names_the_op(output):
    assert lines(output("snippets/debugging/check_numerics.py")) == [
        "unchecked: nan",
        '!!! Detected Infinity or NaN in output 0 of graph op "Log" (# of outputs: 1) !!!',
    ]


@claim(
    "debugging.md",
    "`tf.debugging.assert_*` functions are ops: inside a `tf.function` they run on every call, "
    "even though their result is not used.",
    "When a condition can be decided while tracing, such as the rank of a tensor with a known "
    "shape, the assertion fails at trace time with a `ValueError` instead:",
    "`tf.debugging.assert_*` ops guard graphs; static checks fail at trace time.",
)
def test_asserts_in_graph(output):
    assert lines(output("snippets/debugging/asserts_in_graph.py")) == [
        "[2. 3.]",
        "at run time: assertion failed: [safe_sqrt got a negative.  ]"
        " [Condition x >= 0 did not hold element-wise:] [x (x:0) = ] [4 -1]",
        "at trace time: ValueError: Tensor x:0 must have rank 1.  Received rank 2, shape (1, 1)",
    ]


CHECKS = "snippets/debugging/check_cases.py"
CHECK_TABLE = [
    "check            mode          passes   fails      TensorFlow's message",
    "raise under if   eager         [1 2]    run        ValueError: x must be positive",
    "raise under if   tf.function   trace    trace      ValueError: x must be positive",
    "raise under if   no autograph  trace    trace      "
    "OperatorNotAllowedInGraphError: Using a symbolic …",
    "raise under if   jit_compile   trace    trace      ValueError: x must be positive",
    "assert x > 0     eager         [1 2]    run        AssertionError: x must be positive",
    "assert x > 0     tf.function   trace    trace      "
    "OperatorNotAllowedInGraphError: Using a symbolic …",
    "assert x > 0     no autograph  trace    trace      "
    "OperatorNotAllowedInGraphError: Using a symbolic …",
    "assert x > 0     jit_compile   trace    trace      "
    "OperatorNotAllowedInGraphError: Using a symbolic …",
    "assert_positive  eager         [1 2]    run        "
    "InvalidArgumentError: Condition x > 0 did not hold …",
    "assert_positive  tf.function   [1 2]    run        "
    "InvalidArgumentError: assertion failed: [] [Condition x > …",
    "assert_positive  no autograph  [1 2]    run        "
    "InvalidArgumentError: assertion failed: [] [Condition x > …",
    "assert_positive  jit_compile   [1 2]    [1 nan 3]",
    "assert_equal     eager         [1 2]    run        "
    "InvalidArgumentError: Condition x == y did not hold.",
    "assert_equal     tf.function   [1 2]    trace      "
    "InvalidArgumentError: Condition x == y did not hold …",
    "assert_equal     no autograph  [1 2]    trace      "
    "InvalidArgumentError: Condition x == y did not hold …",
    "assert_equal     jit_compile   [1 2]    trace      "
    "InvalidArgumentError: Condition x == y did not hold …",
    "tf.Assert        eager         [1 2]    run        "
    "InvalidArgumentError: Expected 'tf.Tensor(False, …",
    "tf.Assert        tf.function   [1 2]    run        "
    "InvalidArgumentError: assertion failed: [x must be …",
    "tf.Assert        no autograph  [1 2]    run        "
    "InvalidArgumentError: assertion failed: [x must be …",
    "tf.Assert        jit_compile   [1 2]    [1 nan 3]",
    "check_numerics   eager         [1 2]    run        "
    "InvalidArgumentError: sqrt of x : Tensor had NaN values",
    "check_numerics   tf.function   [1 2]    run        "
    "InvalidArgumentError: sqrt of x : Tensor had NaN values",
    "check_numerics   no autograph  [1 2]    run        "
    "InvalidArgumentError: sqrt of x : Tensor had NaN values",
    "check_numerics   jit_compile   [1 2]    [1 nan 3]",
    "py_function      eager         [1 2]    run        "
    "InvalidArgumentError: ValueError: x must be positive",
    "py_function      tf.function   [1 2]    run        "
    "InvalidArgumentError: ValueError: x must be positive",
    "py_function      no autograph  [1 2]    run        "
    "InvalidArgumentError: ValueError: x must be positive",
    "py_function      jit_compile   compile  compile    "
    "InvalidArgumentError: Detected unsupported operations …",
    "try inside       eager         [1 2]    [0 0 0]",
    "try inside       tf.function   [1 2]    run        "
    "InvalidArgumentError: assertion failed: [] [Condition x > …",
    "try inside       no autograph  [1 2]    run        "
    "InvalidArgumentError: assertion failed: [] [Condition x > …",
    "try inside       jit_compile   [1 2]    [1 nan 3]",
    "try around call  eager         [1 2]    [0 0 0]",
    "try around call  tf.function   [1 2]    [0 0 0]",
    "try around call  no autograph  [1 2]    [0 0 0]",
    "try around call  jit_compile   [1 2]    [1 nan 3]",
]
# On a GPU, newer releases compile check_numerics into a check under XLA.
NUMERICS_UNDER_XLA = "check_numerics   jit_compile   [1 2]    [1 nan 3]"


def check_rows(output, case: str) -> list[str]:
    """The table's rows for one check, in mode order."""
    return [row for row in lines(output(CHECKS)) if row.startswith(f"{case:15}  ")]


@claim(
    "debugging.md",
    "Which checks run, and when",
    "A check runs on every call only if it is an op in the graph:",
    "`tf.debugging.assert_*`, `tf.Assert`, `tf.debugging.check_numerics`, or Python wrapped in "
    "`tf.py_function`.",
    "A check written in Python, a `raise`, an `assert` or a `try`/`except`, runs once, while "
    "the function is traced, when the tensor has no value yet.",
    "Under `jit_compile=True`, XLA compiles the assertion ops to nothing.",
    "The snippet checks that `x > 0` before `tf.sqrt(x)` in nine ways and calls each eagerly, "
    'as a `tf.function`, with `autograph=False` ("no autograph") and with `jit_compile=True`, '
    "first on `[1, 4]`, which passes, then on `[1, -4, 9]`, which fails.",
    "A cell shows what the call returned, or when it raised: while tracing (`trace`), while XLA "
    "compiled the function (`compile`) or while the graph ran (`run`).",
    "The last column is the first line of TensorFlow's message, cut to fit:",
    "Check tensors with ops, not with Python `raise`, `assert` or `try`/`except`; under "
    "`jit_compile=True`, check outside the compiled function.",
)
def test_check_cases_table(output):
    shown = lines(output(CHECKS))
    if device_kind() == "GPU" and NUMERICS_UNDER_XLA not in shown:
        at = CHECK_TABLE.index(NUMERICS_UNDER_XLA)
        assert re.fullmatch(r"check_numerics   jit_compile   \[1 2\]    run        \S.*", shown[at])
        shown[at] = NUMERICS_UNDER_XLA
    assert shown == CHECK_TABLE
    assert all(len(row) <= 110 for row in shown)


@claim(
    "debugging.md",
    "A `raise` under a tensor `if` is not dropped; it breaks the function instead.",
    "AutoGraph traces both branches of the `if`, so the `raise` runs while tracing and the call "
    "fails for every input, `[1, 4]` included.",
    "Without AutoGraph, the `if` itself fails:",
    "Python cannot decide a symbolic tensor's truth.",
)
def test_raise_under_a_tensor_if_fails_while_tracing(output):
    assert check_rows(output, "raise under if") == [
        "raise under if   eager         [1 2]    run        ValueError: x must be positive",
        "raise under if   tf.function   trace    trace      ValueError: x must be positive",
        "raise under if   no autograph  trace    trace      OperatorNotAllowedInGraphError: "
        "Using a symbolic …",
        "raise under if   jit_compile   trace    trace      ValueError: x must be positive",
    ]


@claim(
    "debugging.md",
    "AutoGraph does not convert an `assert` statement: in every graph mode it raises "
    "`OperatorNotAllowedInGraphError` while tracing.",
)
def test_assert_statement_fails_while_tracing(output):
    rows = check_rows(output, "assert x > 0")
    assert (
        rows[0]
        == "assert x > 0     eager         [1 2]    run        AssertionError: x must be positive"
    )
    for mode, row in zip(("tf.function", "no autograph", "jit_compile"), rows[1:], strict=True):
        assert row == (
            f"assert x > 0     {mode:12}  trace    trace      OperatorNotAllowedInGraphError: "
            "Using a symbolic …"
        )


@claim(
    "debugging.md",
    "The check ops need no AutoGraph:",
    "`assert_positive`, `tf.Assert`, `check_numerics` and the `tf.py_function` check raised at "
    "run time with `autograph=False` exactly as with AutoGraph.",
)
def test_check_ops_need_no_autograph(output):
    for case in ("assert_positive", "tf.Assert", "check_numerics", "py_function"):
        _, graph, no_autograph, _ = check_rows(output, case)
        assert graph.startswith(
            f"{case:15}  tf.function   [1 2]    run        InvalidArgumentError: "
        )
        assert no_autograph == graph.replace("tf.function ", "no autograph", 1)


@claim(
    "debugging.md",
    "`assert_equal` on the size of `x` is decided while tracing, since the size is part of the "
    "shape: it fails at trace time in every graph mode, under XLA too.",
    "`tf.debugging.assert_*` ops guard graphs; static checks fail at trace time.",
)
def test_static_assert_fails_while_tracing_even_under_xla(output):
    said = "InvalidArgumentError: Condition x == y did not hold …"
    assert check_rows(output, "assert_equal")[1:] == [
        f"assert_equal     tf.function   [1 2]    trace      {said}",
        f"assert_equal     no autograph  [1 2]    trace      {said}",
        f"assert_equal     jit_compile   [1 2]    trace      {said}",
    ]


@claim(
    "debugging.md",
    "A `try`/`except` inside the function never catches an error the graph raises: while "
    "tracing, the `try` block only created the assertion op and nothing raised, so the `except` "
    "block is not in the graph.",
    "Around the call, `try`/`except` catches the error as it does eagerly.",
)
def test_try_inside_never_catches_a_graph_error(output):
    said = "InvalidArgumentError: assertion failed: [] [Condition x > …"
    assert check_rows(output, "try inside")[:3] == [
        "try inside       eager         [1 2]    [0 0 0]",
        f"try inside       tf.function   [1 2]    run        {said}",
        f"try inside       no autograph  [1 2]    run        {said}",
    ]
    assert check_rows(output, "try around call")[:3] == [
        "try around call  eager         [1 2]    [0 0 0]",
        "try around call  tf.function   [1 2]    [0 0 0]",
        "try around call  no autograph  [1 2]    [0 0 0]",
    ]


@claim(
    "debugging.md",
    "Under `jit_compile=True`, `assert_positive` and `tf.Assert` are silently dropped, and on "
    "the CPU `check_numerics` too: on `[1, -4, 9]` each returned `[1 nan 3]`, with no error.",
    "XLA cannot compile `tf.py_function` at all: that function fails for both inputs, with "
    '"Detected unsupported operations" on TensorFlow 2.21.',
    "Under `jit_compile=True`, XLA compiles the assertion ops to nothing.",
)
def test_xla_drops_assertions_and_cannot_compile_py_function(output):
    under_xla = [row for row in lines(output(CHECKS)) if row[17:30] == "jit_compile  "]
    for case in ("assert_positive", "tf.Assert", "try inside", "try around call"):
        assert f"{case:15}  jit_compile   [1 2]    [1 nan 3]" in under_xla
    if device_kind() == "CPU":
        assert NUMERICS_UNDER_XLA in under_xla
    assert (
        "py_function      jit_compile   compile  compile    InvalidArgumentError: "
        "Detected unsupported operations …"
    ) in under_xla


@claim(
    "debugging.md",
    "Where a graph error points",
    "Python's debugging tools see only the first, and an op that fails does so in the second.",
    'An op that fails while a graph runs raises an error whose message starts with "Graph '
    'execution error" and then lists where the failing node was **defined**: the call that '
    "traced the function, then the line inside it that created the op.",
    "The last frame is the line to look at: here, the `tf.gather` call in `pick`.",
    "The line after it, `indices = 7 is not in [0, 2)`, is the kernel's message.",
    'In a graph execution error, read the "defined at" frames from the bottom: the last one in '
    "your code is the failing op.",
)
def test_graph_error_points_at_the_line(output):
    here = 'File "snippets/debugging/graph_error_location.py"'
    assert lines(output("snippets/debugging/graph_error_location.py")) == [
        "Graph execution error:",
        "",
        "Detected at node GatherV2 defined at (most recent call last):",
        f"  {here}, line 11, in <module>",  # the call that traced `pick`
        "",
        f"  {here}, line 7, in pick",  # the tf.gather line
        "",
        "indices = 7 is not in [0, 2)",
        "\t [[{{node GatherV2}}]] [Op:__inference_pick_…]",
    ]


@claim(
    "debugging.md",
    "In eager code, `pdb` (or `breakpoint()`) works as in any Python program: `p x` prints the "
    "tensor with its value.",
    "Inside a `tf.function`, the breakpoint runs while tracing, in the code AutoGraph "
    "generated, where your variables are not even in scope.",
    "With `run_functions_eagerly(True)` the same breakpoint stops at your line with real values.",
    "Use the debugger eagerly, never inside a traced function.",
    "Python's debugging tools see only the first, and an op that fails does so in the second.",
)
@claim(
    "debugging.md",
    "`tf.config.run_functions_eagerly(True)` makes every `tf.function` run its Python body "
    "eagerly: `print` shows values and a debugger stops at your lines.",
)
def test_pdb(output):
    at_our_line = [
        "> snippets/debugging/pdb_in_eager.py(12)scale()",  # the line after set_trace()
        "-> return x * factor",
        "(Pdb) <tf.Tensor: shape=(2,), dtype=float32, numpy=array([1., 2.], dtype=float32)>",
        "(Pdb) <tf.Tensor: shape=(2,), dtype=float32, numpy=array([3., 6.], dtype=float32)>",
    ]
    assert lines(output("snippets/debugging/pdb_in_eager.py")) == [
        "eager:",
        *at_our_line,
        "(Pdb) tf.function, with run_functions_eagerly(True):",
        *at_our_line,
        "(Pdb) tf.function:",
        "> <tmp>/__autograph_generated_file….py(11)tf__set_trace()",
        "-> with ag__.FunctionScope('set_trace', 'fscope', ag__.STD) as fscope:",
        "(Pdb) *** NameError: name 'x' is not defined",
        "(Pdb) *** NameError: name 'factor' is not defined",
        "(Pdb)",
    ]

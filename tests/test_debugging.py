"""Claims docs/debugging.md makes about its snippets' output."""

import re

from conftest import claim, lines


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

"""Claims docs/eager.md makes about its snippets' output."""

import re

from conftest import ROOT, claim, lines, recorded
from traced import provenance

ERRORS = "snippets/eager/errors_point_at_your_line.py"


def device_kind() -> str:
    """``CPU`` or ``GPU``: where the outputs read were computed (the line under a page's title)."""
    data = recorded()
    return (data["device_kind"] if data else provenance.device_kind()).upper()


@claim(
    "eager.md",
    "TensorFlow 2 runs each operation as soon as Python calls it and hands back the result.",
    "Tensors are values",
    "An operation like `tf.matmul` computes its result before it returns.",
    "The result is an `EagerTensor`: a value with a shape and a dtype that prints its contents.",
    "Indexing a tensor gives another tensor; `.numpy()` gives a NumPy value, here a `float32` "
    "scalar.",
    "In eager mode a tensor is a value: print it, index it, call `.numpy()`.",
)
def test_tensors_are_values(output):
    assert lines(output("snippets/eager/tensors_are_values.py")) == [
        "tf.Tensor(",  # print(c): the product, computed at the call
        "[[19. 22.]",
        " [43. 50.]], shape=(2, 2), dtype=float32)",
        "type:  EagerTensor",
        "shape: (2, 2)  dtype: float32",
        "c[1, 0]: EagerTensor",
        "c[1, 0].numpy(): float32 43.0",
    ]


@claim(
    "eager.md",
    "`.numpy()` returns a tensor's values as a NumPy array.",
    "The two libraries accept each other's values: NumPy functions take tensors and return "
    "arrays, TensorFlow ops take arrays and return tensors.",
    "Tensors are immutable, so arithmetic always creates a new tensor and leaves the original "
    "alone.",
    "A tensor never changes.",
)
def test_numpy_round_trip(output):
    assert lines(output("snippets/eager/numpy_round_trip.py")) == [
        "ndarray [1.5 2.5 3.5]",
        "np.square(tensor) -> ndarray [ 2.25  6.25 12.25]",
        "tf.square(array)  -> EagerTensor [ 2.25  6.25 12.25]",
        "t after t + 1: [1.5 2.5 3.5]  u: [2.5 3.5 4.5]",  # t unchanged, u new
    ]


@claim(
    "eager.md",
    "Python control flow works on values",
    "Because each comparison has already been computed, a tensor in an `if` or `while` "
    "condition is an ordinary boolean to Python.",
    "A Python loop works as in any program, and runs a different number of times for each input.",
    "Python `if`/`while` on tensors is fine eagerly, because they are already computed.",
)
def test_python_control_flow_on_values(output):
    # The same while loop ran 8, 16 and 111 times, deciding on tensor values.
    assert lines(output("snippets/eager/python_control_flow.py")) == [
        "collatz_steps(6) = 8",
        "collatz_steps(7) = 16",
        "collatz_steps(27) = 111",
        "bool(tf.constant(3) > 2) = True",
    ]


@claim(
    "eager.md",
    "Errors point at your line",
    "An eager op that fails raises a Python exception at the call, with the kernel's message.",
    "The traceback's innermost frame in your file is the line you wrote, so a debugger or a "
    "stack trace shows you exactly where it went wrong.",
    "The message names the op (`MatMul`) and the shapes it received.",
    "The braces part names the device and kernel that ran on this build's device (see the line "
    "under the title)",
    "Debug eagerly: errors surface at your line with the op's message.",
)
def test_errors_point_at_your_line(output):
    device = device_kind()
    source = (ROOT / ERRORS).read_text(encoding="utf-8").splitlines()
    failing = next(n for n, line in enumerate(source, 1) if line.startswith("    c = tf.matmul"))
    shown = lines(output(ERRORS))
    assert len(shown) == 3
    assert shown[0] == "raised: InvalidArgumentError"
    assert re.fullmatch(
        r"message: \{\{function_node __wrapped__(_*Mkl)?MatMul_device_/job:localhost/replica:0"
        rf"/task:0/device:{device}:0\}}\}} Matrix size-incompatible: "
        r"In\[0\]: \[2,3\], In\[1\]: \[2,3\] \[Op:MatMul\]( name:)?",
        shown[1],
    ), shown[1]
    assert shown[2] == f"at line {failing}: {source[failing - 1].strip()}"


@claim(
    "eager.md",
    "This is *eager execution*, and it is the default: no graph, no session, just Python "
    "calling functions that return values.",
    "`tf.executing_eagerly()` answers the question for the code that calls it.",
    "At the top level of a program it is `True`; in the body of a `@tf.function` while "
    "TensorFlow traces it, it is `False`.",
    "`tf.executing_eagerly()` tells you which world a line of code runs in.",
)
def test_executing_eagerly(output):
    assert lines(output("snippets/eager/executing_eagerly.py")) == [
        "at top level: True",
        "inside @tf.function: False",
    ]


@claim(
    "eager.md",
    "Eager execution runs your Python on every call: every `print`, every Python branch, every "
    "dispatch of every op goes through the interpreter each time.",
    "It runs your function's Python **once** per kind of input, recording the ops into a graph "
    "(*tracing*), then runs the graph on later calls without running the Python body again:",
    "The eager function printed three times; the `tf.function` printed once, while it was "
    "traced, and the later calls ran the graph.",
    "expect the Python body to run only while tracing.",
)
def test_eager_runs_python_every_call(output):
    assert lines(output("snippets/eager/eager_runs_python_every_call.py")) == [
        "eager:",
        "  Python body ran",
        "  Python body ran",
        "  Python body ran",
        "tf.function:",
        "  Python body ran",
        "traces: 1",
    ]


@claim(
    "eager.md",
    "Inside a `tf.function`, AutoGraph turns a `for` loop over `tf.range` and the `if` inside it "
    "into graph operations, and `tf.print` becomes an op that prints every time the graph runs.",
    "The graph is an object you can inspect:",
    "The loop is a single loop op (`StatelessWhile` here), not ten copies of the body, and the "
    "print is a `PrintV2` op.",
)
def test_graph_teaser(output):
    shown = lines(output("snippets/eager/graph_teaser.py"))
    assert shown[:3] == [
        "sum of evens below 10 is 20",  # one tf.print per call
        "sum of evens below 7 is 12",
        "op types in the graph:",
    ]
    listed = re.split(r",\s*", " ".join(shown[3:-1]))
    assert {"StatelessWhile", "PrintV2"} <= set(listed)
    assert shown[-1] == "loop ops: ['StatelessWhile']"  # one loop op

"""Claims docs/eager.md makes about its snippets' output."""

import re

from conftest import lines


def test_tensors_are_values(output):
    out = output("snippets/eager/tensors_are_values.py")
    assert "[[19. 22.]\n [43. 50.]]" in out  # computed at the call
    assert "type:  EagerTensor" in lines(out)
    assert "shape: (2, 2)  dtype: float32" in lines(out)
    assert "c[1, 0] = 43.0" in lines(out)


def test_numpy_round_trip(output):
    out = output("snippets/eager/numpy_round_trip.py")
    assert "ndarray [1.5 2.5 3.5]" in lines(out)  # .numpy() gives an ndarray
    assert "np.square(tensor) -> ndarray" in out  # NumPy takes tensors, returns arrays
    assert "tf.square(array)  -> EagerTensor" in out  # TF takes arrays, returns tensors
    assert "t after t + 1: [1.5 2.5 3.5]" in out  # immutable


def test_python_control_flow_on_values(output):
    out = output("snippets/eager/python_control_flow.py")
    # Different inputs run the Python loop a different number of times.
    assert "collatz_steps(6) = 8" in lines(out)
    assert "collatz_steps(27) = 111" in lines(out)
    assert "bool(tf.constant(3) > 2) = True" in lines(out)


def test_errors_point_at_your_line(output):
    out = output("snippets/eager/errors_point_at_your_line.py")
    assert "raised: InvalidArgumentError" in lines(out)
    assert "Matrix size-incompatible" in out  # the kernel's message
    assert "[Op:MatMul]" in out  # names the op
    assert re.search(r"at line \d+: c = tf\.matmul\(a, b\)", out)  # and our line


def test_executing_eagerly(output):
    out = output("snippets/eager/executing_eagerly.py")
    assert "at top level: True" in lines(out)
    assert "inside @tf.function: False" in lines(out)


def test_eager_runs_python_every_call(output):
    out = output("snippets/eager/eager_runs_python_every_call.py")
    eager, graph = out.split("tf.function:")
    assert eager.count("Python body ran") == 3
    assert graph.count("Python body ran") == 1
    assert "traces: 1" in graph


def test_graph_teaser(output):
    out = output("snippets/eager/graph_teaser.py")
    assert "sum of evens below 10 is 20" in lines(out)  # tf.print ran on each call
    assert "sum of evens below 7 is 12" in lines(out)
    ops = set(re.split(r"[,\s]+", out.split("op types in the graph:")[1].strip()))
    assert ops & {"StatelessWhile", "While"}  # the loop is one loop op
    assert "PrintV2" in ops

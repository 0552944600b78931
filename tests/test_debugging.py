"""Claims docs/debugging.md makes about its snippets' output."""

import re

from conftest import lines


def test_run_functions_eagerly_and_restore(output):
    out = output("snippets/debugging/run_functions_eagerly.py")
    eager, graph = out.split("run_functions_eagerly: False")
    assert "run_functions_eagerly: True" in eager
    assert "  mean is tf.Tensor(3.0, shape=(), dtype=float32)" in lines(eager)
    assert "  mean is tf.Tensor(4.0, shape=(), dtype=float32)" in lines(eager)
    assert graph.count('mean is Tensor("Mean:0"') == 2  # once per trace, symbolic


def test_check_numerics_names_the_op(output):
    out = output("snippets/debugging/check_numerics.py")
    assert "unchecked: nan" in lines(out)
    assert 'Detected Infinity or NaN in output 0 of graph op "Log"' in out


def test_asserts_in_graph(output):
    out = output("snippets/debugging/asserts_in_graph.py")
    assert "[2. 3.]" in lines(out)
    assert "at run time: assertion failed: [safe_sqrt got a negative" in out
    assert re.search(r"at trace time: ValueError: .*must have rank 1", out)


def test_graph_error_points_at_the_line(output):
    out = output("snippets/debugging/graph_error_location.py")
    assert out.startswith("Graph execution error:")
    frames = re.findall(r'File "([^"]+)", line (\d+), in (\S+)', out)
    assert frames[-1][0] == "snippets/debugging/graph_error_location.py"
    assert frames[-1][2] == "pick"  # the last frame is the op's line
    assert all(f[0] == "snippets/debugging/graph_error_location.py" for f in frames)
    assert "indices = 7 is not in [0, 2)" in lines(out)


def test_pdb(output):
    out = output("snippets/debugging/pdb_in_eager.py")
    eager, rest = out.split("tf.function, with run_functions_eagerly(True):")
    with_eager, graph = rest.split("tf.function:")
    for part in (eager, with_eager):
        assert "pdb_in_eager.py(12)scale()" in part  # stops at our line
        assert "numpy=array([3., 6.]" in part  # with values
    assert "__autograph_generated_file" in graph  # in generated code, tracing
    assert "NameError: name 'x' is not defined" in graph


def test_tf_data_debug_mode(output):
    shown = lines(output("snippets/debugging/tf_data_debug_mode.py"))
    eagerly = shown.index("tf.config.run_functions_eagerly(True):")
    debug = shown.index("tf.data.experimental.enable_debug_mode():")
    before = shown[eagerly + 1 : debug]
    # run_functions_eagerly: one trace, a symbolic tensor, and TensorFlow's warning
    assert before[:2] == ["  map function got SymbolicTensor", "  values: [0, 2, 4]"]
    assert re.fullmatch(
        r"  UserWarning: Even though the `tf\.config\.experimental_run_functions_eagerly`"
        r" option is set, this option does not apply to tf\.data functions\. .*"
        r"`tf\.data\.experimental\.enable_debug_mode\(\)`\.",
        before[2],
    )
    # debug mode: one trace for the output types, then each element eagerly
    assert shown[debug + 1 :] == ["  map function got SymbolicTensor"] + [
        "  map function got EagerTensor"
    ] * 3 + ["  values: [0, 2, 4]"]

"""Claims docs/side-effects.md makes about its snippets' output."""

import re

from conftest import lines, plain_run


def test_print_once_tf_print_every_call(output):
    lines = output("snippets/side_effects/print_vs_tf_print.py").splitlines()
    assert lines[0] == 'print sees:    Tensor("x:0", shape=(2,), dtype=int32)'
    assert sum(line.startswith("print sees:") for line in lines) == 1
    assert lines[1:] == ["tf.print sees: [1 2]", "tf.print sees: [3 4]", "tf.print sees: [5 6]"]
    eager = output("snippets/side_effects/print_vs_tf_print.py", eager=True).splitlines()
    assert sum(line.startswith("print sees:") for line in eager) == 3  # every call
    assert "print sees:    tf.Tensor([5 6], shape=(2,), dtype=int32)" in eager


def test_tf_print_writes_to_stderr_print_to_stdout():
    plain = plain_run("snippets/side_effects/print_vs_tf_print.py")
    assert "tf.print sees:" in plain.stderr and "tf.print sees:" not in plain.stdout
    assert "print sees:    Tensor" in plain.stdout


def test_globals_frozen_variables_read(output):
    out = output("snippets/side_effects/globals_frozen.py").split()
    assert out[:2] == ["0.9", "0.9"]  # the changed global is ignored
    assert out[2:4] == ["traces:", "1"]  # and does not retrace
    assert out[4:] == ["0.9", "0.5"]  # a variable is read on each call


def test_list_append_escapes(output):
    out = output("snippets/side_effects/list_append_escapes.py")
    assert "list after 3 calls: [<tf.Tensor 'mul:0' shape=() dtype=int32>]" in lines(out)
    assert "is out of scope and cannot be used here" in out
    assert "TypeError" in out


def test_return_values_instead(output):
    out = output("snippets/side_effects/return_values_instead.py")
    assert "[2 4 6]" in lines(out) and "[ 8 10]" in lines(out)


def test_iterators_and_python_random_frozen(output):
    lines = output("snippets/side_effects/iterators_and_random.py").splitlines()
    python_values = {line.split()[1] for line in lines[:3]}
    tf_values = {line.split()[3] for line in lines[:3]}
    assert len(python_values) == 1  # the same on every call
    assert len(tf_values) == 3  # new on every call
    assert "tf.data: 45" in lines


def test_variable_state(output):
    out = output("snippets/side_effects/variable_state.py")
    assert "counter: 3  table: [2 0 1 3]" in lines(out)
    assert "after assign(0): 0" in lines(out)
    assert "tensor_scatter_nd_update: [0 7 0 0]" in lines(out)


def test_variables_in_tf_function(output):
    out = output("snippets/side_effects/variables_in_tf_function.py")
    assert "tf.function only supports singleton tf.Variables created on the first call" in out
    assert "first call: 1.0" in lines(out)
    assert "traces after one call: 2" in lines(out)  # the first call traced twice
    assert "second call: 3.0" in lines(out)
    assert "traces after two calls: 2" in lines(out)


def test_keras_singleton_variables_and_fix(output):
    out = output("snippets/side_effects/keras_singleton_variables.py")
    assert "ValueError: tf.function only supports singleton tf.Variables" in out
    fixed = output("snippets/side_effects/keras_singleton_fix.py")
    assert "first model trained; traces: 1" in fixed
    assert "second model trained; traces: 1" in fixed


def test_numpy_inside_a_graph(output):
    out = output("snippets/side_effects/numpy_in_graph.py")
    assert "    AttributeError: 'SymbolicTensor' object has no attribute 'numpy'" in lines(out)
    assert "fixed: 3.0" in lines(out)


def test_python_counter_vs_init_scope(output):
    out = output("snippets/side_effects/init_scope_counter.py")
    assert lines(out) == [
        "guarded by a Python counter: 303",
        "set up in tf.init_scope:      103",
    ]


def test_tensor_stored_by_a_method_in_a_loop(output):
    out = output("snippets/side_effects/inaccessible_tensor.py")
    assert re.search(
        r"^InaccessibleTensorError: The tensor <tf\.Tensor 'while/mul:0' shape=\(\) dtype=int32> "
        r"cannot be accessed from FuncGraph\(name=loop, id=…\), because it was defined in "
        r"FuncGraph\(name=while_body_…, id=…\), which is out of scope\.$",
        out,
        re.M,
    )
    assert "fixed: 4" in lines(out)


def test_variable_on_later_call(output):
    assert lines(output("snippets/side_effects/variable_on_later_call.py")) == [
        "first call: 0",
        "ValueError: Creating variables on a non-first call to a function decorated"
        " with tf.function.",
        "fixed: 0 1 2",
    ]


def test_tensor_as_dict_key(output):
    assert lines(output("snippets/side_effects/tensor_as_dict_key.py")) == [
        "TypeError: Tensor is unhashable. Instead, use tensor.ref() as the key.",
        "fixed: ['one', 'two', 'unknown']",
    ]


def test_numpy_call_in_graph(output):
    shown = lines(output("snippets/side_effects/numpy_call_in_graph.py"))
    assert re.fullmatch(
        r"NotImplementedError: Cannot convert a symbolic tf\.Tensor \(x:0\) to a numpy"
        r" array\..*",
        shown[0],
    )
    assert shown[1] == "fixed: 1.118034"

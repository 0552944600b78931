"""Claims docs/side-effects.md makes about its snippets' output."""

import re

from conftest import claim, lines, plain_run

TF_PRINTS = ["tf.print sees: [1 2]", "tf.print sees: [3 4]", "tf.print sees: [5 6 7]"]


@claim(
    "side-effects.md",
    "Everything else your Python does (printing, appending to a list, reading a global, drawing a"
    " random number, pulling from an iterator) happens while tracing, once per trace, and is not"
    " part of the graph.",
    "`print` runs once per trace, `tf.print` on every call",
    "Python's `print` runs while tracing and shows the symbolic tensor: its name, shape and dtype.",
    "Below, the first two calls share a trace, so it prints once for both; the third call has a"
    " new shape and traces again, so it prints again.",
    "`tf.print` is an op: it runs each time the graph runs and shows the values.",
    "Only TensorFlow ops run on every call; Python side effects run once per trace.",
)
def test_print_once_per_trace_tf_print_every_call(output):
    assert lines(output("snippets/side_effects/print_vs_tf_print.py")) == [
        'print sees:    Tensor("x:0", shape=(2,), dtype=int32)',
        TF_PRINTS[0],
        TF_PRINTS[1],
        'print sees:    Tensor("x:0", shape=(3,), dtype=int32)',  # a new shape: a new trace
        TF_PRINTS[2],
    ]


@claim(
    "side-effects.md",
    "The eager tab shows the same code with `tf.config.run_functions_eagerly(True)`, where"
    " `print` runs on every call:",
)
def test_print_runs_on_every_call_eagerly(output):
    assert lines(output("snippets/side_effects/print_vs_tf_print.py", eager=True)) == [
        "print sees:    tf.Tensor([1 2], shape=(2,), dtype=int32)",
        TF_PRINTS[0],
        "print sees:    tf.Tensor([3 4], shape=(2,), dtype=int32)",
        TF_PRINTS[1],
        "print sees:    tf.Tensor([5 6 7], shape=(3,), dtype=int32)",
        TF_PRINTS[2],
    ]


@claim(
    "side-effects.md",
    "`tf.print` writes to standard error by default, `print` to standard output: in a terminal"
    " they interleave, in a log they may land in different files.",
)
def test_tf_print_writes_to_stderr_print_to_stdout():
    plain = plain_run("snippets/side_effects/print_vs_tf_print.py")
    assert lines(plain.stdout) == [
        'print sees:    Tensor("x:0", shape=(2,), dtype=int32)',
        'print sees:    Tensor("x:0", shape=(3,), dtype=int32)',
    ]
    assert [line for line in lines(plain.stderr) if "sees:" in line] == TF_PRINTS


@claim(
    "side-effects.md",
    "Globals and free variables are frozen",
    "Reading a Python global inside a `tf.function` captures its value while tracing, as a"
    " constant.",
    "Changing the global later changes nothing, and does not trigger a retrace.",
    "A `tf.Variable` is read each time the graph runs:",
)
def test_globals_frozen_variables_read(output):
    assert lines(output("snippets/side_effects/globals_frozen.py")) == [
        "0.9",
        "0.9",  # the changed global is ignored
        "traces: 1",  # and does not retrace
        "0.9",
        "0.5",  # a variable is read on each call
    ]


@claim(
    "side-effects.md",
    "Appending to a Python list runs only while tracing: three calls that share one trace append"
    " one item, a symbolic tensor of that graph, not a value.",
    "Using that tensor outside its graph is an error:",
)
def test_list_append_escapes(output):
    assert lines(output("snippets/side_effects/list_append_escapes.py")) == [
        "list after 3 calls: [<tf.Tensor 'mul:0' shape=() dtype=int32>]",
        "TypeError: <tf.Tensor 'mul:0' shape=() dtype=int32> is out of scope and cannot be used"
        " here. Use return values, explicit Python locals or TensorFlow collections to access it.",
    ]


@claim(
    "side-effects.md",
    "Return values instead.",
    "Inside a loop, collect them in a `tf.TensorArray`:",
)
def test_return_values_instead(output):
    assert lines(output("snippets/side_effects/return_values_instead.py")) == ["[2 4 6]", "[ 8 10]"]


@claim(
    "side-effects.md",
    "A Python iterator is advanced and `random.random()` is called while tracing: the graph holds"
    " the values they produced then, and every call returns the same ones.",
    "`tf.random` ops draw new numbers on each call, and a `tf.data.Dataset` is iterated inside"
    " the graph.",
)
def test_iterators_and_python_random_frozen(output):
    shown = lines(output("snippets/side_effects/iterators_and_random.py"))
    assert len(shown) == 4
    # 10: the iterator's first item; 0.8444: random.random() after random.seed(0)
    drawn = [re.fullmatch(r"python: 10\.8444   tf\.random: (0\.\d{4})", s) for s in shown[:3]]
    assert all(drawn), shown[:3]
    assert len({m.group(1) for m in drawn}) == 3  # tf.random: new on every call
    assert shown[3] == "tf.data: 45"  # the sum of 0..9, batched and summed in the graph


@claim(
    "side-effects.md",
    "Variables are the graph-friendly side effect: assignments are ops that run on every call, in"
    " order, and the new values persist between calls.",
    "`assign_add` increments, `scatter_nd_update` writes selected elements, and"
    " `tf.tensor_scatter_nd_update` does the same for an immutable tensor by returning a new one.",
)
def test_variable_state(output):
    assert lines(output("snippets/side_effects/variable_state.py")) == [
        "counter: 3  table: [2 0 1 3]",  # calls 1, 2, 3 wrote indices 2, 0, 3
        "after assign(0): 0",
        "tensor_scatter_nd_update: [0 7 0 0]",
    ]


@claim(
    "side-effects.md",
    "A `tf.function` may create variables only on its first call, and only once.",
    "The first function below creates a variable on every trace and fails; the second creates it"
    " once, guarded by `if self.total is None`.",
    "Note the trace count after one call: a function that creates variables on its first call is"
    " traced twice.",
    "The first trace creates the variables; TensorFlow then traces again with the variables in"
    " place, to get a graph that only reads and updates them.",
    "Both messages are the wording of the release that built this page.",
)
def test_variables_in_tf_function(output):
    assert lines(output("snippets/side_effects/variables_in_tf_function.py")) == [
        "ValueError: tf.function only supports singleton tf.Variables created on the first call."
        " Make sure the tf.Variable is only created once or created outside tf.function. See"
        " https://www.tensorflow.org/guide/function#creating_tfvariables for more information.",
        "first call: 1.0",
        "traces after one call: 2",  # the first call traced twice
        "second call: 3.0",
        "traces after two calls: 2",
    ]


@claim(
    "side-effects.md",
    "The same rule bites training loops.",
    "A generic `@tf.function` train step called with a second model and optimizer traces again"
    " (new objects), and the new optimizer creates its variables during that later trace, which"
    " fails:",
)
def test_keras_singleton_variables(output):
    assert lines(output("snippets/side_effects/keras_singleton_variables.py")) == [
        "ValueError: tf.function only supports singleton tf.Variables created on the first call."
        " Make sure the tf.Variable is only created once or created outside tf.function. See"
        " https://www.tensorflow.org/guide/function#creating_tfvariables for more information.",
    ]


@claim(
    "side-effects.md",
    "The fix: one `tf.function` per model and optimizer pair, with the optimizer's variables"
    " created before tracing (`optimizer.build`):",
)
def test_keras_singleton_fix(output):
    assert lines(output("snippets/side_effects/keras_singleton_fix.py")) == [
        "first model trained; traces: 1",  # two calls each, one trace each
        "second model trained; traces: 1",
    ]


@claim(
    "side-effects.md",
    "The same holds for `.numpy()`: a traced tensor has no value yet, so the call fails while"
    " tracing.",
    "Use TensorFlow ops on the tensor instead:",
)
def test_numpy_inside_a_graph(output):
    assert lines(output("snippets/side_effects/numpy_in_graph.py")) == [
        "AttributeError: in user code:",
        "",
        '    File "snippets/side_effects/numpy_in_graph.py", line 6, in total  *',
        "        return x.numpy().sum()  # .numpy() needs a value: while tracing, none exists",
        "",
        "    AttributeError: 'SymbolicTensor' object has no attribute 'numpy'",
        "",
        "fixed: 3.0",
    ]


@claim(
    "side-effects.md",
    "A Python counter on `self` is updated only while tracing, so a condition on it is decided at"
    ' trace time and frozen into the graph: here the "first call only" update runs on every'
    " call.",
    "`tf.init_scope` lifts code out of the graph and runs it eagerly while tracing: guarded by a"
    " Python flag, the setup below ran once, which is what one-time setup needs.",
)
def test_python_counter_vs_init_scope(output):
    assert lines(output("snippets/side_effects/init_scope_counter.py")) == [
        "guarded by a Python counter: 303",  # 3 calls of 100 + 1
        "set up in tf.init_scope:      103",  # 100 once, then 1 per call
    ]


@claim(
    "side-effects.md",
    "A loop over a tensor becomes a loop op with its own graph.",
    "AutoGraph carries the loop's *visible* variables out of it, but not a tensor a helper method"
    " stores on an object: that tensor belongs to the loop's graph, and reading it afterwards"
    " fails with `InaccessibleTensorError`.",
    "Keep the value in a local variable of the loop:",
)
def test_tensor_stored_by_a_method_in_a_loop(output):
    shown = lines(output("snippets/side_effects/inaccessible_tensor.py"))
    assert len(shown) == 2
    assert re.fullmatch(
        r"InaccessibleTensorError: The tensor <tf\.Tensor 'while/mul:0' shape=\(\) dtype=int32> "
        r"cannot be accessed from FuncGraph\(name=loop, id=…\), because it was defined in "
        r"FuncGraph\(name=while_body_…, id=…\), which is out of scope\.",
        shown[0],
    )
    assert shown[1] == "fixed: 4"


@claim(
    "side-effects.md",
    "A function that creates no variable on its first call may not create one later either.",
    "Here a Python `bool` argument decides, so the second call is a new trace, and TensorFlow"
    " raises a different message.",
    "The fix is the same: create the variable outside, once.",
    "Both messages are the wording of the release that built this page.",
)
def test_variable_on_later_call(output):
    assert lines(output("snippets/side_effects/variable_on_later_call.py")) == [
        "first call: 0",
        "ValueError: Creating variables on a non-first call to a function decorated"
        " with tf.function.",
        "fixed: 0 1 2",
    ]


@claim(
    "side-effects.md",
    "Tensors define `==` element-wise, so Python cannot hash them, and a tensor cannot be a"
    " dictionary key.",
    "To look a value up inside a graph, build a TensorFlow table once, outside the function:",
)
def test_tensor_as_dict_key(output):
    assert lines(output("snippets/side_effects/tensor_as_dict_key.py")) == [
        "TypeError: Tensor is unhashable. Instead, use tensor.ref() as the key.",
        "fixed: ['one', 'two', 'unknown']",
    ]


@claim(
    "side-effects.md",
    "A NumPy function called on a traced tensor fails for the same reason, with a"
    " `NotImplementedError`; TensorFlow has ops for most of NumPy (here `tf.math.reduce_std`):",
)
def test_numpy_call_in_graph(output):
    shown = lines(output("snippets/side_effects/numpy_call_in_graph.py"))
    assert len(shown) == 2
    assert re.fullmatch(
        r"NotImplementedError: Cannot convert a symbolic tf\.Tensor \(x:0\) to a numpy"
        r" array\..*",
        shown[0],
    )
    assert shown[1] == "fixed: 1.118034"

"""Claims docs/tracing.md makes about its snippets' output."""

import re

from conftest import claim, lines

TRACE_TIME = "snippets/tracing/trace_time_vs_run_time.py"
TRACE_CACHE = "snippets/tracing/trace_cache.py"
SIGNATURES = "snippets/tracing/concrete_signatures.py"
GRAPH_OPERATIONS = "snippets/tracing/graph_operations.py"
NON_STRICT = "snippets/tracing/non_strict_execution.py"
GRAPPLER = "snippets/tracing/grappler_fusion.py"


def drawn_ops(svg: str) -> list[str]:
    """The op types a graph diagram labels, in its order (each node: type, then name)."""
    return re.findall(r">([^<>]+)</text>", svg)[::2]


@claim(
    "tracing.md",
    "It *runs* it with placeholder tensors that have a dtype and a shape but no value, and "
    "records every TensorFlow op the code creates into a graph.",
    "Later calls that look the same run the recorded graph instead of your function's body.",
    "Python runs while tracing, ops on every call",
    "Python's `print` runs while the body is traced, and it sees a symbolic tensor: a name, a "
    "shape and a dtype, no value.",
    "`tf.print` becomes an op in the graph, so it prints the real value on every call.",
    "As a graph, `print` ran once, while the first call traced, before that call's `tf.print`; "
    "`tf.print` ran on all three calls.",
    "Above, only the first call traced; a call that traces a new graph runs it again, as the "
    "next section shows.",
    "Python code in a `tf.function` runs while tracing; TensorFlow ops run on every call.",
    "`print` for the first, `tf.print` for the second.",
    "Use `tf.print` for values you want to see on every call.",
)
def test_print_runs_while_tracing_tf_print_every_call(output):
    # One symbolic print, during the first call's trace, then a value per call.
    assert lines(output(TRACE_TIME)) == [
        'print:    x = Tensor("x:0", shape=(), dtype=int32)',
        "tf.print: x = 1",
        "tf.print: x = 2",
        "tf.print: x = 3",
    ]


@claim(
    "tracing.md",
    "The tabs show the same source run as a graph (the default) and eagerly, with "
    "`tf.config.run_functions_eagerly(True)`:",
    "Run eagerly, both run on every call, in program order, and `print` shows each value.",
)
def test_run_eagerly_print_runs_on_every_call(output):
    expected = []
    for value in (1, 2, 3):
        expected += [
            f"print:    x = tf.Tensor({value}, shape=(), dtype=int32)",
            f"tf.print: x = {value}",
        ]
    assert lines(output(TRACE_TIME, eager=True)) == expected


@claim(
    "tracing.md",
    "A `tf.function` keeps every graph it traced, keyed by the *kind* of its arguments: for a "
    "tensor, its dtype and shape; for a Python number, its value.",
    "A call whose arguments match a cached key runs that graph; anything new traces again.",
    "Seven calls, four traces.",
    "A tensor's value does not matter: `tf.constant(1)` and `tf.constant(2)` share a graph, and "
    "so do `[1, 2]` and `[3, 4]`, but the new shape `(2,)` traced again.",
    "A Python number is part of the key: `1` and `2` traced once each, and only the repeated "
    "`2` reused a graph ([Retracing](retracing.md#python-scalars-trace-once-per-value) shows "
    "what that costs).",
    "A `print` (or any Python side effect: appending to a list, incrementing a counter) runs "
    "only when a call traces.",
    "Above, only the first call traced; a call that traces a new graph runs it again, as the "
    "next section shows.",
    "A new dtype or shape traces a new graph; a new tensor value does not, but a new Python "
    "number does.",
)
def test_trace_cache_keys_on_dtype_shape_and_python_values(output):
    # The body runs (and prints) right after each call that traces, and only then.
    assert lines(output(TRACE_CACHE)) == [
        "call with tf.Tensor(1, shape=(), dtype=int32)",
        '  Python body ran with Tensor("x:0", shape=(), dtype=int32)',
        "call with tf.Tensor(2, shape=(), dtype=int32)",
        "call with tf.Tensor([1 2], shape=(2,), dtype=int32)",
        '  Python body ran with Tensor("x:0", shape=(2,), dtype=int32)',
        "call with tf.Tensor([3 4], shape=(2,), dtype=int32)",
        "call with 1",
        "  Python body ran with 1",
        "call with 2",
        "  Python body ran with 2",
        "call with 2",
        "traces: 4",
    ]
    # The dtype: a float32 scalar gets a graph of its own (the signatures listing).
    dtypes = re.findall(
        r"^  x \(POSITIONAL_OR_KEYWORD\): .*dtype=tf\.(\w+)", output(SIGNATURES), re.M
    )
    assert dtypes == ["int32", "float32"]


@claim(
    "tracing.md",
    "Run eagerly, the body runs on every call and nothing is traced.",
)
def test_trace_cache_run_eagerly_runs_the_body_every_call(output):
    expected = []
    for shown in ("tf.Tensor(1, shape=(), dtype=int32)", "tf.Tensor(2, shape=(), dtype=int32)"):
        expected += [f"call with {shown}", f"  Python body ran with {shown}"]
    for shown in (
        "tf.Tensor([1 2], shape=(2,), dtype=int32)",
        "tf.Tensor([3 4], shape=(2,), dtype=int32)",
    ):
        expected += [f"call with {shown}", f"  Python body ran with {shown}"]
    for shown in ("1", "2", "2"):
        expected += [f"call with {shown}", f"  Python body ran with {shown}"]
    assert lines(output(TRACE_CACHE, eager=True)) == [*expected, "traces: 0"]


def _signature(dtype: str) -> list[str]:
    spec = f"TensorSpec(shape=(), dtype=tf.{dtype}, name=None)"
    return [
        "Input Parameters:",
        f"  x (POSITIONAL_OR_KEYWORD): {spec}",
        "Output Type:",
        f"  {spec}",
        "Captures:",
        "  None",
    ]


@claim(
    "tracing.md",
    "Each cached graph has a signature.",
    "`pretty_printed_concrete_signatures()` lists them all; here a new dtype, `float32`, made a "
    "second graph:",
)
def test_concrete_signatures_lists_each_graph(output):
    shown = lines(output(SIGNATURES))
    while shown and not shown[-1]:
        shown.pop()
    assert shown == [*_signature("int32"), "", *_signature("float32")]


@claim(
    "tracing.md",
    "Each traced graph is wrapped in a `ConcreteFunction`: one graph, one signature, no retracing.",
    "`get_concrete_function` returns it, tracing first if needed.",
    "Give it example tensors, or `tf.TensorSpec`s; a `None` dimension in a spec accepts any "
    "size: the graph traced from `[None]` below runs on a vector of length 3.",
    "Each `get_concrete_function` call with a new signature traced once, so the function has two "
    "traces.",
    "Calling the concrete function with the wrong dtype does not trace a new graph: it raises an "
    "`InvalidArgumentError`.",
    "Use `get_concrete_function` with `tf.TensorSpec` (and `None` dimensions) to get exactly one "
    "graph for a family of inputs.",
)
def test_concrete_function(output):
    shown = lines(output("snippets/tracing/concrete_function.py"))
    assert shown[:-1] == [
        "Input Parameters:",
        "  x (POSITIONAL_OR_KEYWORD): TensorSpec(shape=(None,), dtype=tf.float32, name=None)",
        "  factor (POSITIONAL_OR_KEYWORD): TensorSpec(shape=(), dtype=tf.float32, name=None)",
        "Output Type:",
        "  TensorSpec(shape=(None,), dtype=tf.float32, name=None)",
        "Captures:",
        "  None",
        "tf.Tensor([10. 20. 30.], shape=(3,), dtype=float32)",
        "traces: 2",
    ]
    assert re.fullmatch(
        r"InvalidArgumentError: cannot compute __inference_scale_\S* as input #0\(zero-based\) "
        r"was expected to be a float tensor but is a int32 tensor \[Op:__inference_scale_\S*\]",
        shown[-1],
    ), shown[-1]


@claim(
    "tracing.md",
    "Python arguments are fixed in a concrete function",
    "A Python argument is part of the trace, so a concrete function has it baked in: the same "
    "value is accepted, another one is refused (the `tf.function` itself traces again):",
)
def test_python_arguments_are_fixed_in_a_concrete_function(output):
    shown = lines(output("snippets/tracing/python_args_fixed.py"))
    assert len(shown) == 4
    assert shown[:2] == ["6.0", "6.0"]  # traced with factor=2, called with it again
    assert re.fullmatch(
        r"TypeError: Binding inputs to tf\.function failed .*Can not cast 10 to Literal\[2\].*",
        shown[2],
    ), shown[2]
    assert shown[3] == "the tf.function retraces: 30.0"  # 3 * 10: a graph for factor=10


@claim(
    "tracing.md",
    "A `tf.function` behaves like an op",
    "A `tf.function` called from another one is not traced into a separate world: it becomes one "
    "call op (`PartitionedCall`) in the caller's graph, traced the first time the caller traces.",
    "Gradients flow through it like through any op:",
    "Asking for a concrete function from a `tf.TensorSpec` traced both again: the first call "
    "passed a variable, a different kind of argument.",
    "The listing comes from that graph: a call op stands for `inner`, whose `Mul` is not in it.",
)
def test_a_tf_function_behaves_like_an_op(output):
    assert lines(output("snippets/tracing/function_is_an_op.py")) == [
        "  tracing outer",  # inner is traced while outer traces, not before
        "  tracing inner",
        "outer(3) = 10.0  d/dx = 6.0",  # 3 * 3 + 1, and 2 * 3 through the call op
        "  tracing outer",
        "  tracing inner",
        "ops in outer's graph: ['AddV2', 'Const', 'Identity', 'PartitionedCall', 'Placeholder']",
    ]


GRAPH_OPERATIONS_SHOWN = [
    "x          Placeholder  inputs: []",
    "w          Placeholder  inputs: []",
    "b          Placeholder  inputs: []",
    "MatMul     MatMul       inputs: ['x:0', 'w:0']",
    "add        AddV2        inputs: ['MatMul:0', 'b:0']",
    "Identity   Identity     inputs: ['add:0']",
]


@claim(
    "tracing.md",
    "It *runs* it with placeholder tensors that have a dtype and a shape but no value, and "
    "records every TensorFlow op the code creates into a graph.",
    "A concrete function's `graph` holds the recorded operations.",
    "Each has a name, a type and input tensors, named `op:output_index`.",
    "The arguments became `Placeholder` ops and the result goes through an `Identity`:",
)
def test_graph_operations(output, drawn):
    assert lines(output(GRAPH_OPERATIONS)) == GRAPH_OPERATIONS_SHOWN
    types = [line.split()[1] for line in GRAPH_OPERATIONS_SHOWN]
    assert drawn_ops(drawn(GRAPH_OPERATIONS, "concrete")) == types


@claim(
    "tracing.md",
    "`graph.as_graph_def()` gives the same graph, the same nodes in the same order, as a "
    "`GraphDef` protocol buffer",
    "Each node records its op, its inputs and its attributes, such as the dtype `T`:",
)
def test_graph_def(output):
    shown = lines(output("snippets/tracing/graph_def.py"))
    names = [line.split()[0] for line in lines(output(GRAPH_OPERATIONS))]
    assert names == ["x", "w", "b", "MatMul", "add", "Identity"]
    assert shown == [
        f"nodes: {names}",  # the same nodes as graph.get_operations(), in order
        "op: MatMul  inputs: ['x', 'w']",
        "  attr T: type: DT_FLOAT",
        "  attr grad_a: b: false",
        "  attr grad_b: b: false",
        "  attr transpose_a: b: false",
        "  attr transpose_b: b: false",
    ]


@claim(
    "tracing.md",
    "`python_function` gives back the undecorated function.",
    "Calling it runs the Python body eagerly, which is handy to compare results or to debug:",
    "Both give the same result.",
    "The `tf.function` ran the body once, while its first call traced (there "
    "`tf.executing_eagerly()` is `False`); its second call ran the graph alone.",
)
def test_python_function_runs_eagerly(output):
    assert lines(output("snippets/tracing/python_function.py")) == [
        "Python body ran, executing eagerly: True",  # the undecorated function
        "tf.Tensor(9, shape=(), dtype=int32)",
        "Python body ran, executing eagerly: False",  # the tf.function's trace
        "tf.Tensor(9, shape=(), dtype=int32)",
        "tf.Tensor(16, shape=(), dtype=int32)",  # the graph only
    ]


@claim(
    "tracing.md",
    "Graphs prune unused stateless ops",
    "Eager code runs every op you call.",
    "A graph runs the ops its outputs depend on, and the stateful ops `tf.function` keeps on "
    "purpose.",
    "A stateless op whose result is unused is pruned, so its error never fires; an unused "
    "`tf.debugging` assert still runs and raises.",
    "What a graph keeps depends on whether an op is *stateful*.",
    "A stateless op whose result nothing uses (a `tf.gather` used only to provoke an error) is "
    "pruned.",
    "Stateful ops, such as the `Assert` op that `tf.debugging` asserts create and `tf.print`, "
    "are kept: `tf.function` adds control dependencies so that they run even when nothing reads "
    "their result, as `tf.print` did on every call in the first section.",
    "The listing above prints the flag for the ops involved.",
    "In a graph, an unused stateless op is pruned; stateful ops such as asserts and `tf.print` "
    "still run.",
)
def test_graphs_prune_unused_stateless_ops(output):
    shown = lines(output(NON_STRICT))
    assert len(shown) == 5
    assert re.fullmatch(
        r"eager: InvalidArgumentError - \{\{function_node __wrapped__GatherV2_device_"
        r"/job:localhost/replica:0/task:0/device:[A-Z]+:0\}\} "
        r"indices\[0\] = 5 is not in \[0, 3\) \[Op:GatherV2\]",
        shown[0],
    ), shown[0]
    assert shown[1:] == [
        "tf.function: tf.Tensor([1 2 3], shape=(3,), dtype=int32)",  # the gather never ran
        "tf.debugging assert: InvalidArgumentError",  # the unused assert did
        "GatherV2: stateful=False",
        "Assert: stateful=True",
    ]
    # tf.print, its result unused, ran on every call of the first section's graph.
    printed = [line for line in lines(output(TRACE_TIME)) if line.startswith("tf.print")]
    assert printed == ["tf.print: x = 1", "tf.print: x = 2", "tf.print: x = 3"]


@claim(
    "tracing.md",
    "What Grappler does to a traced graph",
    "The graph TensorFlow runs is not the graph you traced.",
    "On CPU, a `MatMul` followed by `BiasAdd` and `Relu` becomes one fused op.",
    "A v1 `Session` runs the traced graph and reports the graph it really executed (its "
    "*partition graphs*), which the listing and the second diagram show.",
    "Then the profiler records a call of the `tf.function` itself, and its last line lists every "
    "op that call executed, as `node:kernel`:",
    "The snippet shows it twice.",
    "The fused op's `fused_ops` attribute names what it absorbed.",
    "The `tf.function`'s own call ran the same single fused kernel, under the name of the last "
    "node it absorbed (`Relu`).",
    "The traced graph is optimized before it runs; look at the executed graph before reasoning "
    "about kernels.",
)
def test_grappler_fuses_matmul_bias_add_relu(output, drawn):
    shown = lines(output(GRAPPLER))
    assert len(shown) == 4
    traced = ["BiasAdd", "Identity", "MatMul", "Placeholder", "Placeholder", "Placeholder", "Relu"]
    assert shown[0] == f"traced ops:    {traced}"
    assert sorted(drawn_ops(drawn(GRAPPLER, "traced"))) == traced
    # The executed graph: the arguments, one fused op, the result.
    fused = re.fullmatch(
        r"optimized ops: \['_Arg', '_Arg', '_Arg', '(_\w*FusedMatMul)', '_Retval'\]", shown[1]
    )
    assert fused, shown[1]
    kernel = fused.group(1)
    assert shown[2] == f"{kernel} computes MatMul + ['BiasAdd', 'Relu']"
    executed = ["_Arg", "_Arg", "_Arg", kernel, "_Retval"]
    assert sorted(drawn_ops(drawn(GRAPPLER, "optimized"))) == executed
    # The tf.function's own run, from the profiler: that one kernel, on the Relu node.
    assert shown[3] == f"the tf.function ran (node:kernel): ['Relu:{kernel}']"


CONCRETE_CASES = "snippets/tracing/concrete_function_cases.py"
NONE_DIMENSION_CASES = "snippets/tracing/none_dimension_cases.py"
RETURN_VALUE_CASES = "snippets/tracing/return_value_cases.py"

# Every call of concrete_function_cases.py: the call, traces after it, what it did,
# and under a call that raised, the first sentence of TensorFlow's message.
CONCRETE_CASES_TABLE = [
    "call                            traces  outcome",
    "cf = gcf(f32, factor=2)              1  a new ConcreteFunction",
    "gcf(f32, factor=2) again             1  cf itself",
    "gcf(x, factor=2)                     1  cf itself",
    "scale(x, factor=2)                   1  ran: [2. 2. 2.]",
    "gcf(i32, factor=2)                   2  a new ConcreteFunction",
    "cf(x, factor=2)                      2  ran: [2. 2. 2.]",
    "cf(x)                                2  ran: [2. 2. 2.]",
    "cf([1.0, 1.0, 1.0], factor=2)        2  ran: [2. 2. 2.]",
    "cf(x, factor=10)                     2  TypeError",
    "    Binding inputs to tf.function failed due to `Can not cast 10 to Literal[2]`.",
    "cf(x2, factor=2)                     2  TypeError",
    "    Binding inputs to tf.function failed due to `Can not cast TensorSpec(shape=(2,),",
    "    dtype=tf.float32, name=None) to TensorSpec(shape=(3,), dtype=tf.float32, name=None)`.",
    "cf(x2)                               2  ran: [2. 2.]",
    "cf(x_int, factor=2)                  2  TypeError",
    "    Binding inputs to tf.function failed due to `Can not cast TensorSpec(shape=(3,), "
    "dtype=tf.int32,",
    "    name=None) to TensorSpec(shape=(3,), dtype=tf.float32, name=None)`.",
    "cf(x_int)                            2  InvalidArgumentError",
    # The snippet masks the graph's serial number before it wraps the line.
    "    cannot compute __inference_scale_… as input #0(zero-based) was expected to be a float "
    "tensor but",
    "    is a int32 tensor",
    "scale(x, factor=10)                  3  ran: [10. 10. 10.]",
]


def _concrete_signature(dtype: str, factor: int) -> list[str]:
    spec = f"TensorSpec(shape=(3,), dtype=tf.{dtype}, name=None)"
    return [
        "Input Parameters:",
        f"  x (POSITIONAL_OR_KEYWORD): {spec}",
        f"  factor (POSITIONAL_OR_KEYWORD): Literal[{factor}]",
        "Output Type:",
        f"  {spec}",
        "Captures:",
        "  None",
    ]


@claim(
    "tracing.md",
    "Calling a concrete function, case by case",
    "Below, `gcf` is `scale.get_concrete_function`, `f32` and `i32` are specs of a vector of 3, "
    "`x` is `tf.ones([3])`, `x2` a vector of 2 and `x_int` an `int32` vector of 3.",
    "Each row is a call, the trace count after it and what the call returned or raised, with "
    "the first sentence of TensorFlow's message under a row that raised:",
    "Count traces with `experimental_get_tracing_count()`; read the cache with "
    "`pretty_printed_concrete_signatures()`.",
    "First it binds the arguments to the signature it was traced with: each tensor must have "
    "the traced dtype and shape, each Python argument the traced value.",
    "If that fails, it tries again with its *flat* signature: the graph's tensor inputs alone, "
    "in order, with no Python arguments and, in an eager call, no check of shapes.",
    "A tensor of the wrong dtype that gets through is refused by the runtime.",
    "Calling a concrete function never traces; asking for one may.",
    "Asking again for the same signature, from the spec or from a tensor that matches it, "
    "returns the same concrete function and traces nothing, and a call of the `tf.function` "
    "that matches it runs its graph.",
    "A new dtype traces a second one.",
    "A Python argument is held to its traced value: `factor=10` is refused, while `cf(x)`, "
    "with no `factor` at all, runs through the flat signature.",
    "TensorFlow is more lenient than the signature suggests: a Python list is converted to a "
    "tensor, and `cf(x2)` ran a graph traced for a vector of 3 on a vector of 2 and returned 2 "
    "values, because the flat signature does not check shapes in an eager call.",
    "The same wrong shape passed with `factor=2` is refused with a `TypeError`, and a wrong "
    "dtype fails either way: a `TypeError` with `factor`, an `InvalidArgumentError` from the "
    "runtime without.",
    "Only the `tf.function` itself traced again, for `factor=10`, so the listing ends with "
    "three signatures: none of the calls of `cf` added one.",
    "A `tf.function` returns tensors, in the structure the body returned; call a concrete "
    "function with the arguments it was traced with, Python values included, and no other "
    "shapes.",
)
def test_concrete_function_cases(output):
    shown = lines(output(CONCRETE_CASES))
    table = len(CONCRETE_CASES_TABLE)
    assert shown[:table] == CONCRETE_CASES_TABLE
    # pretty_printed_concrete_signatures() after all that: one signature per trace.
    assert shown[table:] == [
        "",
        *_concrete_signature("float32", 2),
        "",
        *_concrete_signature("int32", 2),
        "",
        *_concrete_signature("float32", 10),
    ]


@claim(
    "tracing.md",
    "A `None` dimension serves the `tf.function` too",
    "Each row is a call, the trace count after it and its result:",
    "A concrete function traced from a spec with a `None` dimension joins the `tf.function`'s "
    "cache, and any later call whose tensor fits the spec runs it.",
    "After `get_concrete_function` with `[None]`, calls with vectors of length 2 and 3 traced "
    "nothing.",
    "A scalar, a matrix or a new dtype does not fit the spec, and each traced a graph of its own.",
    "Use `get_concrete_function` with `tf.TensorSpec` (and `None` dimensions) to get exactly one "
    "graph for a family of inputs.",
)
def test_none_dimension_cases(output):
    assert lines(output(NONE_DIMENSION_CASES)) == [
        "call                                          traces  result",
        "cf = total.get_concrete_function(any_length)       1  ConcreteFunction",
        "total(tf.ones([2]))                                1  2.0",
        "total(tf.ones([3]))                                1  3.0",
        "cf(tf.ones([5]))                                   1  5.0",
        "total(tf.ones([]))                                 2  1.0",
        "total(tf.ones([2, 2]))                             3  4.0",
        "total(tf.ones([2], tf.int32))                      4  2",
    ]


@claim(
    "tracing.md",
    "What a `tf.function` returns",
    "Each row below is what the body returns (`t` is `tf.constant(1)`), the type the caller "
    "gets from the traced function, and the type it gets with "
    "`tf.config.run_functions_eagerly(True)`.",
    "Containers list their elements' types; a tensor, array or variable at the top shows its "
    "dtype:",
    "While tracing, whatever the body returns becomes the graph's outputs.",
    "TensorFlow walks lists, tuples, dicts and namedtuples, nested to any depth, and gives the "
    "caller the same structure back; `None` stays `None`, and every other value is converted to "
    "a tensor",
    "A value that cannot be converted raises a `TypeError` when the function traces.",
    "Run eagerly, nothing is converted: the caller gets what the body returned.",
    "Containers keep their type, the namedtuple's class included, and each element but `None` "
    "comes back as a tensor: traced, `[1, 2]` is a list of two tensors.",
    "A Python number or string comes back as a tensor too: `3` as `int32`, `2.5` as `float32` "
    '(not `float64`), `"hi"` as `string`; a NumPy array keeps its dtype.',
    "A `tf.Variable` comes back as a tensor, not as the variable.",
    "A plain Python object raises a `TypeError` when traced, yet comes back untouched when run "
    "eagerly: code that works under `tf.config.run_functions_eagerly(True)` can fail as a graph.",
    "A `tf.function` returns tensors, in the structure the body returned; call a concrete "
    "function with the arguments it was traced with, Python values included, and no other "
    "shapes.",
)
def test_return_value_cases(output):
    pair = "[EagerTensor, EagerTensor]"
    assert lines(output(RETURN_VALUE_CASES)) == [
        "the body returns    traced                                    run eagerly",
        f"[t, t]              list{pair}            list{pair}",
        f"(t, t)              tuple{pair}           tuple{pair}",
        '{"a": t}            dict{a: EagerTensor}                      dict{a: EagerTensor}',
        f"Pair(t, t)          Pair{pair}            Pair{pair}",
        f'{{"a": [t, t]}}       dict{{a: list{pair}}}   dict{{a: list{pair}}}',
        "[t, None]           list[EagerTensor, NoneType]               list[EagerTensor, NoneType]",
        "3                   EagerTensor int32                         int",
        "2.5                 EagerTensor float32                       float",
        '"hi"                EagerTensor string                        str',
        "None                NoneType                                  NoneType",
        f"[1, 2]              list{pair}            list[int, int]",
        "np.array([1, 2])    EagerTensor int64                         ndarray int64",
        "tf.Variable(1.0)    EagerTensor float32                       ResourceVariable float32",
        "Box()               TypeError                                 Box",
        "    To be compatible with tf.function, Python functions must return zero or more "
        "Tensors or",
        "    ExtensionTypes or None values",
    ]

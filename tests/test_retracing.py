"""Claims docs/retracing.md makes about its snippets' output."""

import re

from conftest import claim, line_matching, lines, plain_run


@claim(
    "retracing.md",
    "A `tf.function` traces again whenever a call does not match a graph it already has.",
    "Each row is measured below, on the TensorFlow that built this page.",
    "New shapes trace again",
    "By default every new shape is a new graph.",
    "Repeating a shape reuses its graph:",
)
def test_new_shapes_retrace(output):
    assert lines(output("snippets/retracing/new_shapes_retrace.py")) == [
        "  tracing for shape (1,)",
        "  tracing for shape (2,)",
        "  tracing for shape (3,)",
        "traces: 3",  # the repeated shape reused its graph
    ]


@claim(
    "retracing.md",
    "Each row is measured below, on the TensorFlow that built this page.",
    "Python scalars trace once per value",
    "A Python value is a constant to the graph, so each new int, float, string or bool is a new"
    " graph, and a value seen before reuses its graph.",
    "Pass a tensor when the value changes from call to call:",
    "`train_step(x, step)` with `step` a Python int traces on every step.",
)
def test_python_scalars_retrace_per_value(output):
    assert lines(output("snippets/retracing/python_scalars.py")) == [
        "Python ints:   4 traces for 1, 2, 3, 4",
        "tensors:       1 trace for 4 values",
        "Python floats: 2 traces for 1.0, 2.0, 1.0",
        "Python strs:   2 traces for 'a', 'b', 'a'",
        "Python bools:  2 traces for True, False, True",
    ]


@claim(
    "retracing.md",
    "Each row is measured below, on the TensorFlow that built this page.",
    "An ordinary Python object (one that does not define how TensorFlow should trace it) is"
    " looked up by identity.",
    "Two equal objects trace twice, and changing an attribute of an object already traced does"
    " **not** trace again: the graph keeps the value it saw.",
    "The last call above multiplied by the old scale.",
)
def test_objects_keyed_by_identity(output):
    assert lines(output("snippets/retracing/objects_by_identity.py")) == [
        "  tracing with scale 2.0",  # two equal objects, two traces
        "  tracing with scale 2.0",
        "2.0 2.0",
        "after changing first.scale: 2.0",  # stale: the old scale, no retrace
        "traces: 2",
    ]


@claim(
    "retracing.md",
    "`input_signature` declares the one signature a function accepts.",
    "It is traced once; a `None` dimension accepts any size.",
    "A call that does not fit is not traced again: it raises a `TypeError` naming both specs.",
    "The first rejected call has the wrong dtype (int32 for float32), the second the wrong rank"
    " (a matrix for a vector).",
)
def test_input_signature(output):
    shown = lines(output("snippets/retracing/input_signature.py"))
    assert shown[:3] == ["25.0", "9.0", "traces: 1"]  # two lengths, one trace
    rejected = (
        r"TypeError: Binding inputs to tf\.function failed due to `Can not cast {} to"
        r" TensorSpec\(shape=\(None,\), dtype=tf\.float32, name=None\)`\. .*"
    )
    given = r"TensorSpec\(shape=\(2,\), dtype=tf\.int32, name=None\)"  # the wrong dtype
    assert re.fullmatch(rejected.format(given), shown[3]), shown[3]
    given = r"TensorSpec\(shape=\(1, 2\), dtype=tf\.float32, name=None\)"  # the wrong rank
    assert re.fullmatch(rejected.format(given), shown[4]), shown[4]
    assert shown[5:] == ["traces after the rejected calls: 1"]  # not traced again


@claim(
    "retracing.md",
    "`reduce_retracing=True` lets TensorFlow generalize shapes: after a second shape it traces a"
    " graph with `None` dimensions that serves all later sizes.",
    "It does not change how Python values are keyed: each new Python int still traces.",
)
def test_reduce_retracing(output):
    assert lines(output("snippets/retracing/reduce_retracing.py")) == [
        "  tracing for shape (1,)",
        "  tracing for shape (None,)",  # sizes 3 and 4 reuse it
        "shapes:  2 traces",
        "Python ints: 4 traces",  # not relaxed
    ]


WARNING = (
    r"WARNING:tensorflow:{n} out of the last {n} calls to <function shift at 0x…> triggered"
    r" tf\.function retracing\. Tracing is expensive and the excessive number of tracings could"
    r" be due to \(1\) creating @tf\.function repeatedly in a loop, \(2\) passing tensors with"
    r" different shapes, \(3\) passing Python objects instead of tensors\. .*"
)


@claim(
    "retracing.md",
    "TensorFlow's retracing warning",
    "When a function retraces often, TensorFlow logs a warning that names the function and lists"
    " the usual causes:",
)
def test_retracing_warning(output):
    shown = lines(output("snippets/retracing/retracing_warning.py"))
    assert len(shown) == 3
    assert re.fullmatch(WARNING.format(n=5), shown[0]), shown[0]
    assert re.fullmatch(WARNING.format(n=6), shown[1]), shown[1]
    assert shown[2] == "traces: 7"


@claim(
    "retracing.md",
    "The warning goes through Python's `logging` to standard error, so it is easy to miss in a"
    " notebook or a busy log; the trace count is the reliable check.",
)
def test_retracing_warning_goes_to_stderr():
    plain = plain_run("snippets/retracing/retracing_warning.py")
    assert lines(plain.stdout) == ["traces: 7"]
    warnings = [line for line in lines(plain.stderr) if "triggered tf.function retracing" in line]
    assert len(warnings) == 2 and all(
        re.fullmatch(WARNING.format(n=n), w) for n, w in zip((5, 6), warnings, strict=True)
    )


@claim(
    "retracing.md",
    "What a retrace costs",
    "Each trace runs your Python body and builds a new graph, which costs far more than running"
    " a cached one.",
    "This measurement compares the median time of a call that retraces (a new Python int each"
    " time) with a cached call, on the machine that built this page:",
    "The exact ratio depends on the machine and the function; the conclusion does not: a retrace"
    " costs more than five times a cached call.",
)
def test_retrace_costs_far_more_than_a_cached_call(output):
    out = output("snippets/retracing/retrace_cost.py")
    ratio = int(line_matching(r"a retrace costs (\d+)x a cached call \(median\)", out).group(1))
    assert ratio > 5  # typically tens of times (15x to over 100x seen on a busy 2-core machine)


CONTAINERS = {
    "list, new values": 1,
    "list, new length": 2,
    "list, order of shapes": 2,
    "tuple, new values": 1,
    "dict, key order": 1,
    "dict, new key": 2,
    "namedtuple, new values": 1,
    "tensor, new dtype": 2,
    "NumPy array, new values": 1,
    "NumPy array, new shape": 2,
    "NumPy array, new dtype": 2,
    "another variable": 1,
    "variable, new shape": 2,
    "variable, new dtype": 2,
    "f(v1, v2), then f(v1, v1)": 2,
}


@claim(
    "retracing.md",
    "Each row is measured below, on the TensorFlow that built this page.",
    "The same small function, called twice per case with the arguments shown:",
    "A container is keyed by what it holds: new tensor values of the same shape reuse the graph,"
    " a new length, a new dict key or swapped shapes trace again.",
    "A tensor or a NumPy array is keyed by dtype and shape: new values reuse the graph, a new"
    " dtype or shape traces again.",
    "A variable is keyed the same way: two different variables of one dtype and shape share a"
    " graph.",
    "Passing the same variable for two parameters traces a new one, because the graph must know"
    " that both names refer to one piece of state.",
)
def test_containers_arrays_and_variables(output):
    assert lines(output("snippets/retracing/containers_and_arrays.py")) == [
        f"{case:27} {n} trace(s) for 2 calls" for case, n in CONTAINERS.items()
    ]


@claim(
    "retracing.md",
    "Each row is measured below, on the TensorFlow that built this page.",
    "For an argument that is not a tensor, an array, a container or an object that defines its"
    " own trace type, TensorFlow tries a weak reference first and falls back to equality only"
    " when that fails"
    " ([`trace_type_builder.py`](https://github.com/tensorflow/tensorflow/blob/master/tensorflow"
    "/core/function/trace_type/trace_type_builder.py)).",
    "So identity is the rule for any hashable object that can be *weakly referenced*, which is"
    " almost every instance of a class you write: below, a plain class, one that defines"
    " `__eq__` and `__hash__`, and a frozen dataclass each trace twice for two equal objects.",
    "An object that is hashable but cannot be weakly referenced (a class with `__slots__` and no"
    " `__weakref__` slot) is keyed by equality instead, so two equal ones share a graph and an"
    " unequal one traces again; a namedtuple is a container, keyed by its contents:",
)
def test_objects_keyed_by_identity_equality_or_contents(output):
    assert lines(output("snippets/retracing/object_keys.py")) == [
        "Plain        two equal objects: 2 trace(s); an unequal third: 3",
        "WithEquality two equal objects: 2 trace(s); an unequal third: 3",
        "Frozen       two equal objects: 2 trace(s); an unequal third: 3",
        "Slotted      two equal objects: 1 trace(s); an unequal third: 2",
        "Scale        two equal objects: 1 trace(s); an unequal third: 2",
    ]


@claim(
    "retracing.md",
    "Each row is measured below, on the TensorFlow that built this page.",
    "`self`: one graph per instance",
    "A `tf.function` on a method traces once per instance.",
    "Keep per-instance state in `tf.Variable`s: assigning one is seen by the next call without a"
    " retrace.",
)
def test_method_traces_once_per_instance(output):
    assert lines(output("snippets/retracing/method_self.py")) == [
        "  tracing for first",
        "[2. 4.] [2. 4.]",
        "  tracing for second",
        "[3. 6.]",
        "[10. 20.]",  # the assigned factor, without a retrace
        "traces of first: 1",
        "traces of second: 1",
    ]


@claim(
    "retracing.md",
    "A `None` dimension is unknown while tracing: `x.shape` is the *static* shape and holds"
    " `None` there.",
    "`tf.shape(x)` is the *dynamic* shape, a tensor whose value exists only when the graph runs.",
    "Size computations that must work for every batch use `tf.shape`; Python arithmetic on"
    " `x.shape[0]` fails:",
)
def test_static_and_dynamic_shape_with_none_dimensions(output):
    shown = lines(output("snippets/retracing/unknown_dimensions.py"))
    assert shown[:2] == ["x.shape at trace time:   (None, 3)", "x.shape[0] at trace time: None"]
    assert re.fullmatch(r"tf\.shape\(x\)\[0\] at trace: Tensor\(.*dtype=int32\)", shown[2])
    assert shown[3:] == [  # traced once; the dynamic shape is read on every call
        "tf.shape(x) when run:    [2 3]",
        "(6,)",
        "tf.shape(x) when run:    [5 3]",
        "(15,)",
        "x.shape[0] * 3 -> TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'",
    ]


@claim(
    "retracing.md",
    "A scalar is refused too: `[None]` means rank 1 of any length, and a scalar has rank 0.",
    "Reshape it to `[-1]` before the call, or declare `shape=None`, which accepts any rank:",
)
def test_scalar_for_vector_signature(output):
    assert lines(output("snippets/retracing/scalar_for_vector_signature.py")) == [
        "a vector: 3.0",
        "a scalar: Can not cast TensorSpec(shape=(), dtype=tf.float32, name=None) to"
        " TensorSpec(shape=(None,), dtype=tf.float32, name=None)",
        "reshaped to [-1]: 5.0",
        "shape=None, a scalar: 5.0",
        "shape=None, a vector: 3.0",
    ]


@claim(
    "retracing.md",
    "Each row is measured below, on the TensorFlow that built this page.",
    "Ragged, sparse and extension types",
    "Composite tensors are keyed like tensors, by dtype and shape.",
    "A `tf.RaggedTensor`'s shape holds its number of rows but not the rows' lengths; a"
    " `tf.SparseTensor`'s shape is its dense shape, not its number of values.",
    "A `tf.experimental.ExtensionType` is keyed by its tensor fields' dtypes and shapes and by"
    " the values of its other fields.",
    "Each row below calls a fresh function two times; the middle column is the trace count after"
    " each call, and the last says whether the last call returned the sum of its own argument"
    " (`new`) or of an earlier one (`stale`):",
    "A ragged tensor whose rows change length reuses its graph, and so does a sparse tensor with"
    " more values; another number of rows, another dense shape or another value of an extension"
    " type's Python field traces again.",
    "No row is stale: every tensor in these arguments is fed to the graph on each call, and so is"
    " a variable assigned between calls or a NumPy array changed in place.",
)
def test_ragged_sparse_and_extension_types(output):
    assert lines(output("snippets/retracing/tensor_argument_cases.py")) == [
        "argument, calls                    traces last call saw",
        "another tf.Variable, same shape    1 1    new",
        "tf.Variable, assigned between      1 1    new",
        "NumPy array, changed in place      1 1    new",
        "RaggedTensor, other row lengths    1 1    new",
        "RaggedTensor, another row count    1 2    new",
        "SparseTensor, more values          1 1    new",
        "SparseTensor, other dense shape    1 2    new",
        "ExtensionType, new tensor values   1 1    new",
        "ExtensionType, new tensor shape    1 2    new",
        "ExtensionType, new Python field    1 2    new",
    ]


PYTHON_ARGUMENTS = "snippets/retracing/python_argument_cases.py"


@claim(
    "retracing.md",
    "Each row is measured below, on the TensorFlow that built this page.",
    "Python values, objects and functions, case by case",
    "Each row calls a fresh function that returns something computed from its argument, two or"
    " three times: the middle column is the trace count after each call, and the last says"
    " whether the last call returned what the same code gives for that argument run eagerly"
    " (`new`) or what an earlier argument gave (`stale`):",
)
def test_python_argument_cases_table(output):
    assert lines(output(PYTHON_ARGUMENTS)) == [
        "argument, calls              traces last call saw",
        "None, None                   1 1    new",
        "None, then 0                 1 2    new",
        "1, then 1.0, then True       1 1 1  stale: int32, not bool",
        "nan, then nan                1 1    new",
        "list [1, 2], then [1, 3]     1 2    new",
        "list [1, 2], then (1, 2)     1 2    new",
        "dict {a, b}, then {b, a}     1 1    stale: ['a', 'b'], not ['b', 'a']",
        "plain object, mutated        1 1    stale: 2.0, not 3.0",
        "dataclass(eq=False), mutated 1 1    stale: 2.0, not 3.0",
        "@dataclass (eq=True)                TypeError: Could not generate a generic TraceType for"
        " Settings(scale=2.0)",
        "__eq__ without __hash__             TypeError: Could not generate a generic TraceType for"
        " EqualityOnly(2.0)",
        "function f, f, then g        1 1 2  new",
        "a new lambda on each call    1 2 3  new",
        "closure, its value changed   1 1    stale: 2.0, not 3.0",
    ]


@claim(
    "retracing.md",
    "`None` is a value like any other: a second `None` reuses the graph, a `0` traces again.",
    "TensorFlow is more lenient than Python's types here: `1`, `1.0` and `True` are equal and"
    " hash alike, so they share one graph, and the body sees the `1` it was traced with:"
    " `tf.constant(value)` in the body makes an int32 tensor even for `True`.",
    "NaN reuses the graph of an earlier NaN, although `nan != nan` in Python.",
)
def test_none_equal_numbers_and_nan(output):
    shown = lines(output(PYTHON_ARGUMENTS))
    assert "None, None                   1 1    new" in shown
    assert "None, then 0                 1 2    new" in shown
    assert "1, then 1.0, then True       1 1 1  stale: int32, not bool" in shown  # one graph
    assert "nan, then nan                1 1    new" in shown


@claim(
    "retracing.md",
    "A list and a tuple of the same items are different keys, and so are two lists with one item"
    " changed.",
    "A dict's key order is not part of its key: a reordered dict reuses the graph, and the body"
    " iterates the keys in the order it was traced with.",
)
def test_lists_tuples_and_dict_order(output):
    shown = lines(output(PYTHON_ARGUMENTS))
    assert "list [1, 2], then [1, 3]     1 2    new" in shown
    assert "list [1, 2], then (1, 2)     1 2    new" in shown
    assert "dict {a, b}, then {b, a}     1 1    stale: ['a', 'b'], not ['b', 'a']" in shown


@claim(
    "retracing.md",
    "A plain object and a `@dataclass(eq=False)` are keyed by identity: mutated between calls,"
    " they reuse the graph, which keeps the old value.",
    "A `@dataclass` with the default `eq=True` cannot be an argument at all: Python sets its"
    ' `__hash__` to `None`, and the call raises a `TypeError` (on TensorFlow 2.21, "Could not'
    ' generate a generic TraceType for Settings(scale=2.0)"); so does any class that defines'
    " `__eq__` without `__hash__`.",
    "Declare it `frozen=True` or `eq=False`, and both are keyed by identity (the frozen one in"
    " the table above).",
)
def test_mutated_objects_and_unhashable_dataclasses(output):
    frozen = "Frozen       two equal objects: 2 trace(s); an unequal third: 3"  # by identity
    assert frozen in lines(output("snippets/retracing/object_keys.py"))
    shown = lines(output(PYTHON_ARGUMENTS))
    assert "plain object, mutated        1 1    stale: 2.0, not 3.0" in shown
    assert "dataclass(eq=False), mutated 1 1    stale: 2.0, not 3.0" in shown
    unhashable = r"{:28} {:6} TypeError: Could not generate a generic TraceType for {}"
    assert unhashable.format("@dataclass (eq=True)", "", "Settings(scale=2.0)") in shown
    assert unhashable.format("__eq__ without __hash__", "", "EqualityOnly(2.0)") in shown


@claim(
    "retracing.md",
    "A function is keyed by identity too: the same function reuses its graph, another function"
    " traces again, and so does a new lambda on every call, as in `step(x, lambda t: t * 2)` in"
    " a loop.",
    "What a function reads from its closure is a constant of the graph: changing it does not"
    " trace again, and the graph keeps the old value.",
)
def test_functions_by_identity_and_stale_closures(output):
    shown = lines(output(PYTHON_ARGUMENTS))
    assert "function f, f, then g        1 1 2  new" in shown
    assert "a new lambda on each call    1 2 3  new" in shown
    assert "closure, its value changed   1 1    stale: 2.0, not 3.0" in shown


@claim(
    "retracing.md",
    "Each row is measured below, on the TensorFlow that built this page.",
    "Your own trace type: `__tf_tracing_type__`",
    "A class can define its own key: its `__tf_tracing_type__(context)` returns a"
    " `tf.types.experimental.TraceType`, and calls whose types are equal share a graph.",
    "The smallest one that works implements five methods: `is_subtype_of` and"
    " `most_specific_common_supertype` (here: equal types only), `placeholder_value` (the object"
    " the body sees while it is traced), and `__eq__` and `__hash__`, which make the key.",
    "Below, a `Config` is keyed by its `mode` alone; the last three rows are broken variants of"
    " it:",
    "Two configs of one mode share a graph, and another mode traces again.",
    "The body sees the config it was traced with, so anything it reads that is not in the key is"
    " stale: a Python number, and a tensor too, which the first trace captured.",
    "Without `__eq__` and `__hash__`, Python refuses to create the type (a `TypeError` naming"
    " the abstract methods it lacks); with `__eq__` but no `__hash__`, the type is unhashable;"
    " and a `__tf_tracing_type__` that returns anything but a `TraceType` is refused.",
)
def test_tracing_protocol(output):
    assert lines(output("snippets/retracing/tracing_protocol.py")) == [
        "case                traces last call saw",
        "modes x2, x2, x3    1 1 2  new",
        "scale not in key    1 1    stale: 2.0, not 10.0",
        "a tensor attribute  1 1    stale: 2.0, not 10.0",
        "no __eq__, __hash__        TypeError: Can't instantiate abstract class Bare with abstract"
        " methods __eq__, __hash__",
        "__eq__, no __hash__        TypeError: unhashable type: 'EqualOnly'",
        "returns a str              TypeError: Expected an instance of TraceType for Tracing"
        " Protocol call to Config('x2')",
    ]

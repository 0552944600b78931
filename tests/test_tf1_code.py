"""Claims docs/tf1-code.md makes about its snippets' output."""

import re

from conftest import claim, lines
from traced import catalog

GRAPH_AND_FUNCTION = "snippets/tf1_code/graph_and_function.py"
TF_DATA_LOOP = (
    "RuntimeError: `tf.data.Dataset` only supports Python-style iteration in eager mode or "
    "within tf.function."
)


def op_table(out: str) -> dict[str, tuple[int, int]]:
    """Op type -> (count in the TF1 graph, count in the function's graph)."""
    rows = re.finditer(r"^(\w+) +(\d+) +(\d+)$", out, re.M)
    return {m[1]: (int(m[2]), int(m[3])) for m in rows if m[1] != "total"}


@claim(
    "tf1-code.md",
    "Both print the same result.",
    "TF1 code builds a graph first and runs it later, in a `tf.compat.v1.Session`.",
    "In TF2 that still works inside `with tf.Graph().as_default():`: the ops written in the "
    "block go into that graph instead of running at once.",
    "Eager execution is still on after the block: the graph and its Session belong to the "
    "block, not to the program.",
)
def test_graph_block_and_tf_function_compute_the_same(output):
    shown = lines(output(GRAPH_AND_FUNCTION))
    assert shown[:3] == [
        "TF1 Session.run: [[3.5], [2.5]]",
        "eager after the graph block: True",
        "TF2 tf.function: [[3.5], [2.5]]",
    ]


@claim(
    "tf1-code.md",
    "The TF1 graph holds the variables themselves (`VarHandleOp`) and the ops that initialize "
    "them (`AssignVariableOp`, `VarIsInitializedOp`); the function's graph holds none of these.",
    "The variables live outside the function, which takes them as inputs: its graph has three "
    "`Placeholder` ops (the input and one per variable) where the TF1 graph has one.",
    "In all, the TF1 graph has 16 ops and the function's graph 9.",
)
def test_the_two_graphs_side_by_side(output, drawn):
    out = output(GRAPH_AND_FUNCTION)
    shown = lines(out)
    assert shown[3] == "op type            TF1 graph tf.function"
    table = op_table(out)
    assert list(table) == sorted(table)  # one row per op type, in order
    for op_type in ("VarHandleOp", "AssignVariableOp", "VarIsInitializedOp"):
        assert table[op_type][0] == 2 and table[op_type][1] == 0, op_type
    assert table["Placeholder"] == (1, 3)
    assert table["MatMul"] == (1, 1) and table["AddV2"] == (1, 1)
    assert shown[-1] == "total                     16           9"
    assert sum(v[0] for v in table.values()) == 16
    assert sum(v[1] for v in table.values()) == 9
    # The diagrams draw the same two graphs.
    assert "VarIsInitializedOp" in drawn(GRAPH_AND_FUNCTION, "v1_graph")
    assert "VarIsInitializedOp" not in drawn(GRAPH_AND_FUNCTION, "function_graph")


@claim(
    "tf1-code.md",
    "| `tf.compat.v1.placeholder`, filled through `feed_dict` | an argument of a `tf.function` |",
    "Both versions double both inputs, whatever their length.",
    "A missing feed raises an `InvalidArgumentError` that names the placeholder; a missing "
    "argument raises a `TypeError` that names the argument.",
    "Placeholders become arguments, fetches return values, and initializers the creation of a "
    "`tf.Variable`.",
)
def test_feeds_become_arguments(output):
    shown = lines(output("snippets/tf1_code/feeds_to_arguments.py"))
    assert shown[:2] == ["TF1 feed [1, 2, 3]: [2. 4. 6.]", "TF1 feed [4, 5]:    [ 8. 10.]"]
    assert shown[2] == (
        "TF1 no feed: InvalidArgumentError: You must feed a value for placeholder tensor 'x' "
        "with dtype float and shape [?]"
    )
    assert shown[3:5] == ["TF2 call [1, 2, 3]: [2. 4. 6.]", "TF2 call [4, 5]:    [ 8. 10.]"]
    assert re.fullmatch(r"TF2 no argument: TypeError: .*'x'.*", shown[5])
    assert len(shown) == 6


@claim(
    "tf1-code.md",
    "| the fetches of `Session.run` | the function's return values |",
    "Fetches become return values",
    "`Session.run` computes what it is asked to fetch and hands it back in the same structure, "
    "here a dictionary.",
    "A `tf.function` returns that structure itself:",
    "The values are the same; the Session hands back NumPy values, the function eager tensors.",
)
def test_fetches_become_return_values(output):
    assert lines(output("snippets/tf1_code/fetches_to_return_values.py")) == [
        "TF1 fetched: {'total': 'float32', 'mean': 'float32'}",  # numpy.float32
        "TF1 values:  {'total': 6.0, 'mean': 2.0}",
        "TF2 returned: {'total': 'EagerTensor', 'mean': 'EagerTensor'}",
        "TF2 values:   {'total': 6.0, 'mean': 2.0}",
    ]


@claim(
    "tf1-code.md",
    "| `tf.compat.v1.global_variables_initializer()` run in a Session | a `tf.Variable`, which "
    "has its value once created |",
    "Reading the TF1 variable before its initializer ran raises a `FailedPreconditionError`, "
    "whose message says the variable may be uninitialized.",
)
def test_initializers_become_variable_creation(output):
    assert lines(output("snippets/tf1_code/initializers_to_variables.py")) == [
        "TF1 before init: FailedPreconditionError:",
        "  Could not find variable w. This could mean that the variable has been deleted. "
        "In TF1, it can also mean the variable is uninitialized.",
        "TF1 after init: [1. 2.]",
        "TF2 at creation: [1. 2.]",
    ]


@claim(
    "tf1-code.md",
    "| `tf.control_dependencies` | automatic control dependencies: stateful ops run in program "
    "order |",
    "A Session runs only the ops the fetches depend on.",
    "An update that nothing fetches never runs, unless `tf.control_dependencies` makes the "
    "fetched output depend on it.",
    "In a `tf.function`, stateful ops run in program order: drop `tf.control_dependencies` "
    "written only to make an update run.",
    "In three TF1 runs, the `assign_add` that nothing fetches ran zero times; once the output "
    "depended on it, three more runs incremented the count three times.",
    "Three calls of the `tf.function` incremented its count three times, with no control "
    "dependency written.",
)
def test_control_dependencies_become_automatic(output):
    assert lines(output("snippets/tf1_code/control_dependencies.py")) == [
        "TF1 without control_dependencies, count: 0",
        "TF1 with control_dependencies, count:    3",
        "TF2 tf.function, count: 3",
    ]


@claim(
    "tf1-code.md",
    "| collections (`tf.compat.v1.trainable_variables()`) | tracked variables "
    "(`tf.Module.trainable_variables`) |",
    "A `tf.Module` finds the variables its attributes hold instead:",
    "Both leave out the variable created with `trainable=False` from the trainable list, and "
    "include it in the full one.",
    "The module lists its variables sorted by attribute name, not in creation order.",
    "In eager mode nothing fills the collections: `tf.compat.v1.trainable_variables()` returns "
    "an empty list, so TF2 code reads `trainable_variables` from the module (or the Keras "
    "model) that owns them.",
)
def test_collections_become_tracked_variables(output):
    assert lines(output("snippets/tf1_code/collections_to_module_variables.py")) == [
        "TF1 trainable_variables(): ['dense/kernel:0', 'dense/bias:0']",
        "TF1 global_variables():    ['dense/kernel:0', 'dense/bias:0', 'dense/steps:0']",
        "TF2 trainable_variables: ['dense/bias:0', 'dense/kernel:0']",
        "TF2 variables:           ['dense/bias:0', 'dense/kernel:0', 'dense/steps:0']",
        "TF1 collections in eager mode: []",
    ]


@claim(
    "tf1-code.md",
    "| `tf.compat.v1.train.Saver` | `tf.train.Checkpoint` |",
    "A `tf.train.Checkpoint` stores it under the path of attributes that leads to it from the "
    "object it was given, and restores it by the same path into a new object:",
    "The Saver's only key is the variable's name, `w`; the Checkpoint's are `model/w/...`, its "
    "own `save_counter` and the object graph it records.",
    "To carry TF1 values over, read them by name with `tf.train.load_checkpoint` and assign "
    "them to the TF2 variables: the last line holds the value the Saver wrote.",
)
def test_saver_becomes_checkpoint(output):
    assert lines(output("snippets/tf1_code/saver_to_checkpoint.py")) == [
        "TF1 Saver keys:      ['w']",
        "TF2 Checkpoint keys: ['_CHECKPOINTABLE_OBJECT_GRAPH', "
        "'model/w/.ATTRIBUTES/VARIABLE_VALUE', 'save_counter/.ATTRIBUTES/VARIABLE_VALUE']",
        "TF2 restored w:      [1. 2.]",
        "TF1 value in TF2 w:  [1. 2.]",
    ]


@claim(
    "tf1-code.md",
    "In eager mode the call raises a `RuntimeError`.",
    "Here is the same call in eager mode, in a `tf.function` and in a graph block:",
    "Inside a `tf.function` it adds an input that no call can feed, so the call fails with the "
    "same `InvalidArgumentError` as a TF1 run without its feed.",
    "Inside a graph block it gives the symbolic tensor that TF1 code expects.",
    "A `tf.compat.v1.Session` created outside any graph block runs the global default graph, "
    "which stays empty in eager mode.",
)
def test_placeholder_needs_a_graph(output):
    out = output("snippets/tf1_code/placeholder_in_eager.py")
    assert lines(out) == [
        "executing eagerly: True",
        "eager:               RuntimeError: tf.placeholder() is not compatible with eager "
        "execution.",
        "in a tf.function:    InvalidArgumentError: You must feed a value for placeholder "
        "tensor 'x' with dtype float and shape [?]",
        'in a tf.Graph block: Tensor("x:0", shape=(None,), dtype=float32)',
        "Session in eager:    RuntimeError: The Session graph is empty. Add operations to the "
        "graph before calling run().",
    ]
    # The same message as the TF1 run without its feed.
    fed = lines(output("snippets/tf1_code/feeds_to_arguments.py"))[2].split(": ", 1)[1]
    assert lines(out)[2].split(": ", 1)[1].strip() == fed


@claim(
    "tf1-code.md",
    "Both ways compute the same values.",
    "The pruned function takes and returns eager tensors, and the program is still eager "
    "afterwards.",
)
def test_legacy_code_runs_with_eager_left_on(output):
    assert lines(output("snippets/tf1_code/legacy_code_kept_eager.py")) == [
        "Graph + Session: [2. 5.]",
        "wrap_function:   [2. 5.]",
        "  pruned: WrappedFunction -> EagerTensor",
        "executing eagerly after both: True",
    ]


@claim(
    "tf1-code.md",
    "In the TF1 graph, building the layer a second time raises a `ValueError` that asks for "
    "`reuse=True` or `reuse=tf.AUTO_REUSE`.",
    "`tf.compat.v1.get_variable` creates a variable, or finds one created earlier under the "
    "same name in a variable store; a TF1 graph refuses to create the same name twice unless "
    "the variable scope allows reuse.",
    "A `tf.function` that creates variables is traced twice on its first call (see [Creating "
    "variables inside a `tf.function`](side-effects.md#creating-variables-inside-a-tffunction)), "
    "and the second trace asks for the same name again:",
    "Two models that use the same scope names share weights without a word.",
    "In a `tf.function` the layer is built twice in the first call, and the second build fails "
    "for the same reason, with an `AttributeError` about `Tensor.op` that does not say so.",
    "With `reuse=tf.compat.v1.AUTO_REUSE`, the second trace finds the variable the first one "
    "created: one variable, `shared/w`, updated by each of the three calls.",
    "The store belongs to the whole program: another `tf.function` building the same scope is "
    "traced once, gets the same variable, and goes on from its value.",
)
def test_get_variable_in_tf_function(output):
    shown = lines(output("snippets/tf1_code/get_variable_in_tf_function.py"))
    assert shown[:3] == [
        "TF1 graph, the layer called twice:",
        "  building graph",
        "  building graph",
    ]
    assert re.fullmatch(
        r"ValueError: Variable graph/w already exists, disallowed\. Did you mean to set "
        r"reuse=True or reuse=tf\.AUTO_REUSE in VarScope\?.*",
        shown[3],
    )
    assert shown[4:] == [
        "tf.function:",
        "  building plain",
        "  building plain",
        "AttributeError: Tensor.op is undefined when eager execution is enabled.",
        "tf.function, reuse=AUTO_REUSE:",
        "  building shared",
        "  building shared",
        "  calls: [4.0, 6.0, 8.0]",  # one update per call: 1+1, +1, +1 (times 2 inputs)
        "  variables: ['shared/w:0']",
        "another tf.function, same scope:",
        "  building shared",  # traced once: it created no variable
        "  calls: [10.0, 12.0, 14.0]",  # the same variable, going on from 4
    ]


@claim(
    "tf1-code.md",
    "The Python function ran once, and its one variable stays with the result.",
    "`tf.compat.v1.wrap_function` traces a function once, into a graph that keeps TF1's "
    "semantics, creates its variables and runs their initializers then.",
    "The result holds the variables and is called with eager tensors, like a concrete function:",
    "The graph runs by fetches, as in TF1: the `assign_add` that nothing fetches never runs, "
    "and three calls return the same value.",
    "Made a dependency of the output with `tf.control_dependencies`, the update runs on each call.",
    "An initial value that is a tensor of the wrapped graph cannot be lifted out of it, and "
    "wrapping fails with a `ValueError`; an initializer (`tf.compat.v1.ones_initializer()`) or "
    "a NumPy value works.",
)
def test_wrap_function_keeps_tf1_rules(output):
    shown = lines(output("snippets/tf1_code/get_variable_in_wrap_function.py"))
    assert shown[:4] == [
        "  building dense",
        "wrap_function: [2.0, 2.0, 2.0]",
        "  variables: ['w:0']",
        "with control_dependencies: [4.0, 6.0, 8.0]",
    ]
    assert re.fullmatch(
        r"tensor initial value: ValueError: .*could not be lifted out of a `tf\.function`\.",
        shown[4],
    )
    assert shown[5:] == ["NumPy initial value: [2.0, 2.0, 2.0]"]


@claim(
    "tf1-code.md",
    "`tf.executing_eagerly()` returns `False`, a constant is a symbolic tensor, and `.numpy()` "
    "raises an `AttributeError`.",
    "`tf.compat.v1.disable_eager_execution()`, called when a program starts, makes every op "
    "build a graph, as in TensorFlow 1.",
    "Calling a `tf.function` adds a call to the graph and returns a symbolic tensor; only a "
    "Session computes it.",
    "A Python `for` loop over a `tf.data.Dataset` raises a `RuntimeError`; the TF1 way is an "
    "iterator whose `get_next()` tensor a Session runs.",
    "Eager execution cannot come back: `tf.compat.v1.enable_eager_execution()` raises a "
    "`ValueError`.",
)
def test_disable_eager_execution(output):
    shown = lines(output("snippets/tf1_code/disable_eager_execution.py"))
    assert shown[:3] == [
        "tf.executing_eagerly(): False",
        'tf.constant:   Tensor("Const:0", shape=(2,), dtype=float32)',
        ".numpy():      AttributeError: 'SymbolicTensor' object has no attribute 'numpy'",
    ]
    assert shown[3:5] == [
        "tf.function:   SymbolicTensor (a call op in the graph)",
        "  run in a Session: [2. 4.]",
    ]
    assert shown[5:7] == [
        f"for x in ds:   {TF_DATA_LOOP}",
        "  one-shot iterator in a Session: [0, 1, 2]",
    ]
    assert re.fullmatch(r"enable_eager_execution\(\): ValueError: .+", shown[7])
    assert len(shown) == 8


@claim(
    "tf1-code.md",
    "It lasts for the whole process, so these two examples each run in a fresh Python process:",
)
def test_disabling_examples_run_in_their_own_process(output):
    for name in ("disable_eager_execution", "keras_fit_without_eager"):
        path = f"snippets/tf1_code/{name}.py"
        assert catalog.runs_in_own_process(path), path
        assert output(path).strip(), path  # and printed what the page shows


@claim(
    "tf1-code.md",
    "Calling the model gives a symbolic tensor, and `fit`, `evaluate` and `predict` each raise "
    "an error.",
    "Keras 3 is built on eager execution, and does not run without it:",
    "`disable_eager_execution()` changes every library in the process:",
    "Keras 3, `tf.data` loops and any eager code stop working.",
)
def test_keras_3_needs_eager_execution(output):
    out = output("snippets/tf1_code/keras_fit_without_eager.py")
    shown = lines(out)
    assert shown[0] == "model(x): SymbolicTensor"
    for index, method in enumerate(("fit", "evaluate", "predict"), start=1):
        assert re.fullmatch(rf"model\.{method}: \w+(Error|Exception): .+", shown[index]), method
    assert len(shown) == 4


@claim(
    "tf1-code.md",
    "The two loops print the same loss at each of the five steps, and the loss falls at every "
    "step.",
    "Both start from the same weights and see the same data.",
    "After a migration, run both versions from the same weights and data and compare their losses.",
)
def test_migrated_training_loop_matches(output):
    out = output("snippets/tf1_code/training_loop_migrated.py")
    shown = lines(out)
    assert shown[0] == "step  TF1 loss  TF2 loss"
    rows = [
        re.fullmatch(rf" +{step} +(\d+\.\d{{4}}) +(\d+\.\d{{4}})", line)
        for step, line in enumerate(shown[1:6])
    ]
    assert all(rows), shown[1:6]
    assert all(row[1] == row[2] for row in rows)  # the same loss, step by step
    losses = [float(row[1]) for row in rows]
    assert losses == sorted(losses, reverse=True) and len(set(losses)) == 5  # falls each step
    assert shown[6:] == ["curves match to 4 decimals: True"]

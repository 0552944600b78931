"""Claims docs/gradients.md makes about its snippets' output."""

import re

from conftest import bench_medians, claim, line_matching, lines, recorded

PAGE = "gradients.md"
WATCH_WARNING = (
    "WARNING:tensorflow:The dtype of the watched tensor must be floating (e.g. tf.float32), "
    "got tf.int32"
)


def keras_version() -> tuple[int, int]:
    """The Keras release the outputs read were made with."""
    data = recorded()
    if data is not None:
        version = data["environment"]["keras"]
    else:
        import keras

        version = keras.__version__
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


@claim(
    PAGE,
    "A tape records an operation only if it runs inside the `with` block and reads something "
    "the tape watches.",
    "It watches a trainable `tf.Variable` as soon as an operation reads it, and a tensor only "
    "after `tape.watch`.",
    "A gradient with respect to anything unwatched is `None`, and so is a gradient through a "
    "value computed before the tape existed: its history was never recorded.",
    "The tape watched only `w`, the variable the product read.",
    "The gradient with respect to the constant `x` is `None` until `tape.watch(x)`; then it is "
    "`w`, 3.0.",
    "Variables are watched when read; tensors only after `tape.watch`.",
)
def test_what_a_tape_records(output):
    assert lines(output("snippets/gradients/tape_records_operations.py")) == [
        "watched: ['w:0']",
        "dy/dw: 2.0  dy/dx: None",
        "after tape.watch(x), dy/dx: 3.0",
        "d(early + 1)/dw: None",
    ]


@claim(
    PAGE,
    "A tape frees its record when `tape.gradient` returns, so asking a second time raises a "
    "`RuntimeError`.",
    "Ask for everything in one call (a list of targets gives the gradient of their sum), or "
    "make the tape persistent, which keeps the record until the tape is deleted:",
    "One `tape.gradient` per tape, or `persistent=True`.",
)
def test_a_tape_asked_twice(output):
    # y = w**2 and z = w**3 at w = 3: 6 and 27, and 33 for their sum.
    assert lines(output("snippets/gradients/tape_used_twice.py")) == [
        "dy/dw: 6.0",
        "RuntimeError: A non-persistent GradientTape can only be used to compute one set of "
        "gradients (or jacobians)",
        "d(y + z)/dw in one call: 33.0",
        "persistent, dy/dw: 6.0",
        "persistent, dz/dw: 27.0",
    ]


@claim(
    PAGE,
    "`watch_accessed_variables=False` turns off the automatic watching: the tape records only "
    "what you `watch`, and every other variable gets `None`.",
    "That is how to take a gradient for part of a model:",
)
def test_watch_accessed_variables_false(output):
    assert lines(output("snippets/gradients/watch_only_some.py")) == [
        "default, watched: ['frozen:0', 'tuned:0']",
        "watch_accessed_variables=False, watched: ['tuned:0']",
        "dy/d(frozen): None  dy/d(tuned): 2.0",
    ]


@claim(
    PAGE,
    "An eager tape records a call to a `tf.function` as one operation, and differentiates "
    "through it, and through the functions it calls, when asked.",
    "The gradients match the same maths run eagerly.",
    "The listing of `outer`'s graph shows why nothing is lost: it holds only the forward pass, "
    "a `StatefulPartitionedCall` standing for `inner`, and no gradient op; TensorFlow builds "
    "the backward function from the graph when the tape needs it.",
)
def test_a_tape_around_a_tf_function(output):
    shown = lines(output("snippets/gradients/tape_around_function.py"))
    assert len(shown) == 3
    graph = re.fullmatch(r"through outer and inner: (dy/dx [\d.]+  dy/dw [\d.]+)", shown[0])
    eager = re.fullmatch(r"eagerly: +(dy/dx [\d.]+  dy/dw [\d.]+)", shown[1])
    assert graph and eager and graph[1] == eager[1]
    # 2 w cos(1) and 2 sin(1), to four places.
    assert graph[1] == "dy/dx 3.2418  dy/dw 1.6829"
    types = line_matching(r"outer's graph: \[(.*)\]", shown[2])[1].split(", ")
    assert types.count("'StatefulPartitionedCall'") == 1  # the call to inner
    assert "'Mul'" in types  # outer's own op
    assert not any("Grad" in t for t in types)  # no gradient op


@claim(
    PAGE,
    "Inside a `tf.function` the tape runs while tracing, and `tape.gradient` adds the backward "
    "pass to the same graph.",
    "The loss falls over three steps, and the listing shows the graph that runs each one: the "
    "forward ops, then the ops the tape added, named under `gradient_tape/`, then the update.",
    "Because the backward ops are part of the graph, the whole step runs as one graph call; "
    "that is why custom training loops put the tape inside the `tf.function`.",
    "In a `tf.function` the backward ops are part of the graph and run with it.",
)
def test_a_tape_inside_a_tf_function(output, drawn):
    path = "snippets/gradients/tape_inside_function.py"
    shown = lines(output(path))
    # (2 w - 3)**2 with w = 2, 1.8, 1.64: each step moves w by 0.1 * 2 (w - 3).
    assert shown[:3] == ["step 0: loss 1.0000", "step 1: loss 0.6400", "step 2: loss 0.4096"]
    listing = [line.split() for line in shown[3:-1]]
    assert all(len(op) == 2 for op in listing)
    names = [name for _, name in listing]
    backward = [i for i, name in enumerate(names) if name.startswith("gradient_tape/")]
    assert backward, "the tape added no op"
    forward_loss = names.index("pow")  # the loss's last forward op
    update = [i for i, (kind, _) in enumerate(listing) if kind == "AssignSubVariableOp"]
    assert len(update) == 1
    assert forward_loss < min(backward) and max(backward) < update[0]
    assert shown[-1] == f"{len(listing)} ops, {len(backward)} of them under gradient_tape/"
    assert drawn(path, "step_graph").startswith("<svg")


@claim(
    PAGE,
    "A gradient is computed by operations, so an outer tape can record them and differentiate "
    "again.",
    "For `y = w**3` at `w = 3`, every arrangement gives 27 and 18: both tapes eagerly, both "
    "inside one `tf.function`, or an eager tape around a `tf.function` that takes the first "
    "gradient.",
    "In the single graph, some of the ops under `gradient_tape/` are named "
    "`gradient_tape/gradient_tape/...`: the outer tape's gradient of the inner tape's ops.",
)
def test_second_order_gradients(output):
    shown = lines(output("snippets/gradients/second_order.py"))
    assert shown[:3] == [
        "eagerly:              27.0 18.0",
        "in one tf.function:   27.0 18.0",
        "tape around function: 27.0 18.0",
    ]
    counts = line_matching(r"ops under gradient_tape/: (\d+), of them nested: (\d+)", shown[3])
    assert 0 < int(counts[2]) < int(counts[1])
    assert len(shown) == 4


NONE_TABLE = [
    "case                               eagerly  tf.function",
    "float32 variable (the reference)   4.0      4.0",
    "float32 constant                   None     None",
    "float32 constant, ZERO             0.0      0.0",
    "float32 constant, tape.watch       4.0      4.0",
    "int32 constant                     None     None",
    WATCH_WARNING,
    WATCH_WARNING,
    "int32 constant, tape.watch         None     None",
    "int32 variable                     None     None",
    WATCH_WARNING,
    WATCH_WARNING,
    "int32 variable, tape.watch         None     None",
    "variable, trainable=False          None     None",
    "cast to int32 and back             None     None",
    ".numpy(), back to a tensor         None     NotImplementedError",
    "NumPy (np.square)                  None     NotImplementedError",
    "tf.numpy_function                  None     None",
    "computed after the with block      None     None",
    "tf.argmax                          None     None",
    "tf.round                           None     None",
    "tf.stop_gradient                   None     None",
    "tf.sign (a gradient of zero)       0.0      0.0",
    "tf.nn.relu below zero (zero)       0.0      0.0",
]


@claim(
    PAGE,
    "A gradient is `None` when nothing the tape recorded connects the target to the source, "
    "and zero when the connection exists but the op's derivative is zero.",
    "Each row below takes the gradient of one computation from the source `2.0`, eagerly and "
    "in a `tf.function`; the reference row is `s * s`, whose gradient is 4.0.",
    "Neither an `int32` constant nor an `int32` variable is ever watched, with or without "
    "`tape.watch`: the gradient is `None` either way.",
    'Only `tape.watch` says so, with a warning: on TensorFlow 2.21, "The dtype of the watched '
    'tensor must be floating (e.g. tf.float32), got tf.int32".',
    "A cast to `int32` and back cuts the chain the same way.",
    "A float constant is `None` until `tape.watch`; a variable created with `trainable=False` "
    "is not watched either.",
    "`unconnected_gradients=tf.UnconnectedGradients.ZERO` turns a `None` into zeros, which "
    "hides the cause rather than fixing it.",
    "`.numpy()`, NumPy functions and `tf.numpy_function` give `None` eagerly; in a "
    "`tf.function`, `.numpy()` and NumPy raise `NotImplementedError` instead "
    "([Side effects](side-effects.md#numpy-has-nothing-to-read-while-tracing)).",
    "A result computed after the `with` block is not recorded either.",
    "`tf.argmax` and `tf.round` have none, and `tf.stop_gradient` blocks on purpose: `None`.",
    "`tf.sign` and a `tf.nn.relu` below zero are differentiable with a derivative of 0.0.",
    "The error usually means the loss was not computed on the tape at all: a loss computed "
    "outside the `with` block, through NumPy, or a gradient asked for the wrong list of "
    "variables (any row of the table above, for every variable).",
    "A `None` gradient means nothing recorded connects target and source: look for integers, "
    "NumPy, `.numpy()`, work outside the `with` block, and variables the loss never reads.",
)
def test_every_way_a_gradient_is_none_or_zero(output):
    assert lines(output("snippets/gradients/none_gradients.py")) == NONE_TABLE


@claim(
    PAGE,
    "`tf.py_function` runs its body eagerly under a tape of its own and passes gradients "
    "through, as long as the body uses TensorFlow ops.",
    "`tf.numpy_function` never does: its gradient is `None`.",
    "A `tf.py_function` whose body leaves TensorFlow is worse than `None`: its gradient is a "
    "scalar `0.0`, for a source of three values, with no warning.",
)
def test_py_function_passes_gradients_numpy_function_does_not(output):
    assert lines(output("snippets/gradients/py_function_vs_numpy_function.py")) == [
        "wrapper, body              eagerly        tf.function",
        "tf.py_function, TF ops     [2. 4. 6.]     [2. 4. 6.]",
        "tf.py_function, NumPy      0.0            0.0",
        "tf.numpy_function, NumPy   None           None",
    ]


GRADIENTS_MISSING = (
    r"UserWarning: Gradients do not exist for variables \[{}\] when minimizing the loss\. "
    r"If using `model\.compile\(\)`, did you forget to provide a `loss` argument\?"
)


@claim(
    PAGE,
    'Keras: "No gradients provided for any variable"',
    "A Keras 3 optimizer drops the variables whose gradient is `None`.",
    "When that leaves none, `apply_gradients` raises `ValueError: No gradients provided for "
    "any variable.`; when it leaves some, it warns with a `UserWarning` naming the others, and "
    "updates only the variables that have a gradient:",
)
def test_keras_optimizer_with_none_gradients(output):
    shown = lines(output("snippets/gradients/no_gradients_provided.py"))
    assert shown[:3] == [
        "all gradients None:",
        "  ValueError: No gradients provided for any variable.",
        "only b's gradient None:",
    ]
    assert re.fullmatch("  " + GRADIENTS_MISSING.format("'b'"), shown[3]), shown[3]
    # a moved by the learning rate (0.5) times its gradient (1.0); b kept its value.
    assert shown[4:] == ["  a: 0.5  b: 1.0"]


@claim(
    PAGE,
    "The warning usually means part of the model does not reach the loss: a layer that is "
    "built but never called, or an output the loss ignores.",
    "`model.fit` prints the same warning when it traces its step; a model compiled without a "
    "loss fails before any gradient:",
    "The warning lists the variables by path on recent Keras releases "
    "(`two_heads/spare/kernel`), and by name alone (`kernel`) on Keras 3.3 and 3.5.",
)
def test_keras_fit_with_an_unused_layer(output):
    shown = lines(output("snippets/gradients/unused_layer.py"))
    assert len(shown) == 2
    named = (
        "'kernel', 'bias'"
        if keras_version() < (3, 8)
        else "'two_heads/spare/kernel', 'two_heads/spare/bias'"
    )
    assert re.fullmatch(GRADIENTS_MISSING.format(re.escape(named)), shown[0]), shown[0]
    assert shown[1] == "ValueError: No loss to compute. Provide a `loss` argument in `compile()`."


@claim(
    PAGE,
    "A straight-through rounding keeps `tf.round` going forward and passes the gradient "
    "through unchanged going back, where `tf.round` alone gives `None`.",
    "It works eagerly and in a `tf.function` alike:",
    "The decorated function carries the original in `__wrapped__`, and a `tf.function` traces "
    "with what `__wrapped__` points to.",
    "The trace calls the undecorated function, which returns the pair `(result, grad)`, and "
    "the tape fails on it.",
    "Call `tf.custom_gradient` functions from the body, never as a `tf.function` argument; "
    "save them with the default `SaveOptions`.",
)
def test_custom_gradient(output):
    shown = lines(output("snippets/gradients/custom_gradient.py"))
    assert shown[:5] == [
        "tf.round, eagerly         y [0. 2. 2.]  dy/dx None",
        "custom, eagerly           y [0. 2. 2.]  dy/dx [1. 1. 1.]",
        "custom, in a tf.function  y [0. 2. 2.]  dy/dx [1. 1. 1.]",
        "custom, as an argument to a tf.function:",
        "  the trace received the undecorated function: True",
    ]
    # The tape is handed the undecorated function's grad, where a tensor belongs.
    assert re.fullmatch(
        r"  TypeError: Cannot convert the argument `type_value`: <function "
        r"(\w+\.<locals>\.)*\w*round_straight_through\.<locals>\.grad at 0x…> "
        r"to a TensorFlow DType\.",
        shown[5],
    ), shown[5]
    assert len(shown) == 6


@claim(
    PAGE,
    "`tf.saved_model.save` keeps custom gradients by default (`tf.saved_model.SaveOptions` has "
    "`experimental_custom_gradients=True`).",
    "A new process that has never seen the Python function loads the model and gets the custom "
    "gradient: 2.0 per element, the straight-through 1.0 times the model's factor of 2.",
    "Saved with `experimental_custom_gradients=False`, the forward pass still works, but "
    "TensorFlow warns at load time, and a call under a tape raises a `LookupError`:",
)
def test_custom_gradient_in_a_saved_model(output):
    shown = lines(output("snippets/gradients/custom_gradient_saved.py"))
    assert shown[:4] == [
        "SaveOptions().experimental_custom_gradients: True",
        "saved with the default SaveOptions, loaded in a new process:",
        "  y, no tape: [0. 4.]",
        "  dy/dx: [2. 2.]",
    ]
    assert shown[4] == "saved with experimental_custom_gradients=False, loaded in a new process:"
    assert re.fullmatch(
        r"  WARNING:absl:Importing a function \(__inference_\w+…\) with ops with unsaved "
        r"custom gradients\. Will likely fail if a gradient is requested\.",
        shown[5],
    ), shown[5]
    assert shown[6] == "  y, no tape: [0. 4.]"
    assert re.fullmatch(r"  LookupError: No gradient defined for operation.*", shown[7])
    assert len(shown) == 8


JACOBIAN = "[[2.0, 0.0, 0.0], [0.0, 4.0, 0.0], [0.0, 0.0, 6.0]]"


@claim(
    PAGE,
    "`tape.jacobian` differentiates every element of a target with respect to every element "
    "of a source.",
    "By default it vectorizes the computation with `pfor`; `experimental_use_pfor=False` loops "
    "over the target's elements instead, which eagerly needs a persistent tape.",
    "The four ways that run give the same matrix.",
    "In a graph, `pfor` leaves no loop op (more ops, run at once), while the loop version holds "
    "one.",
    "`tape.batch_jacobian` treats the first dimension as independent examples and skips the "
    "zero blocks between them:",
)
def test_jacobians(output):
    shown = lines(output("snippets/gradients/jacobians.py"))
    assert shown[:6] == [
        "jacobian of x**2 at x = [1, 2, 3]:",
        f"eagerly, pfor                      {JACOBIAN}",
        "eagerly, while loop                RuntimeError: GradientTape must be created with "
        "persistent=True to compute the jacobian with eager execution enabled and with  "
        "experimental_use_pfor set to False.",
        f"eagerly, while loop, persistent    {JACOBIAN}",
        f"tf.function, pfor                  {JACOBIAN}",
        f"tf.function, while loop            {JACOBIAN}",
    ]
    pfor = re.fullmatch(r"graph with pfor=True: (\d+) ops, loop ops \[\]", shown[6])
    loop = re.fullmatch(r"graph with pfor=False: (\d+) ops, loop ops \['\w*While'\]", shown[7])
    assert pfor and loop and int(pfor[1]) > int(loop[1])
    # 3 examples of 2 features: (3, 2, 3, 2) in full, (3, 2, 2) without the zero blocks.
    assert shown[8:] == [
        "jacobian shape:       (3, 2, 3, 2)",
        "batch_jacobian shape: (3, 2, 2)",
    ]


@claim(
    PAGE,
    "Eagerly, `pfor` wraps its work in a new `tf.function` on every call, so a loop of eager "
    "jacobians retraces each time, and TensorFlow prints its retracing warning on the fifth:",
)
def test_eager_jacobians_retrace(output):
    shown = lines(output("snippets/gradients/eager_jacobian_traces.py"))
    assert shown[:4] == [f"eager jacobian {n} done" for n in range(1, 5)]
    assert re.fullmatch(
        r"WARNING:tensorflow:5 out of the last 5 calls to <function pfor\.<locals>\.f at 0x…> "
        r"triggered tf\.function retracing\. .*",
        shown[4],
    ), shown[4]
    assert shown[5:] == ["eager jacobian 5 done"]


@claim(
    PAGE,
    "That retracing dominates the cost.",
    "Timed on a 32 by 32 jacobian, both graph modes are more than ten times faster than eager "
    "`pfor`, and more than three times faster than the eager loop:",
    "Take jacobians inside a `tf.function`.",
)
def test_jacobian_cost(output):
    out = output("snippets/performance/jacobian_cost.py")
    times = bench_medians(out)
    assert list(times) == [
        "eager, pfor",
        "eager, while loop",
        "tf.function, pfor",
        "tf.function, while loop",
    ]
    for graph in ("tf.function, pfor", "tf.function, while loop"):
        assert times["eager, pfor"] > 10 * times[graph], graph
        assert times["eager, while loop"] > 3 * times[graph], graph
    assert re.search(r"^\(measured in [\d.]+ s\)$", out, re.M)
    assert lines(out)[-1].startswith("(measured in ")


@claim(
    PAGE,
    "Gradients flow through graph control flow.",
    "`tf.cond` differentiates the branch that ran.",
    "A `tf.range` loop gives the same gradient as the Python loop it replaces, and a "
    "`tf.TensorArray` passes a gradient back from every step it stored: 2 + 6 + 13.5 = 21.5 "
    "for three steps.",
    "The table counts the graph's nodes, loop bodies included.",
    "A loop op's graph is the same size for every `n`, and a Python loop's grows with `n`, "
    "because it copies the body:",
    "For a few steps, the unrolled Python loop is the smaller graph; the loop op's fixed size "
    "pays off as `n` grows ([AutoGraph](autograph.md#range-is-unrolled-tfrange-is-a-loop) "
    "covers the conversion).",
)
def test_gradients_through_control_flow(output):
    shown = lines(output("snippets/gradients/control_flow_gradients.py"))
    # d(w x)/dw = x = 2; d(w w)/dw = 2 w = 3.
    assert shown[:3] == [
        "tf.cond, x > 0 (y = w * x): 2.0",
        "tf.cond, x < 0 (y = w * w): 3.0",
        "n = 3            dy/dw  nodes   nodes for n = 10, 30",
    ]
    rows = {}
    for line in shown[3:]:
        match = re.fullmatch(r"(.+?) +([\d.]+) +(\d+)   (\d+), (\d+)", line)
        assert match, line
        rows[match[1]] = (float(match[2]), *map(int, match.groups()[2:]))
    assert list(rows) == ["tf.range loop", "TensorArray", "Python loop"]
    # x w**3 and x (w + w**2 + w**3) at x = 2, w = 1.5.
    assert rows["tf.range loop"][0] == rows["Python loop"][0] == 13.5
    assert rows["TensorArray"][0] == 21.5
    for loop in ("tf.range loop", "TensorArray"):
        assert len(set(rows[loop][1:])) == 1, loop  # the same for n = 3, 10, 30
    unrolled = rows["Python loop"][1:]
    assert unrolled[0] < unrolled[1] < unrolled[2]
    assert unrolled[0] < rows["tf.range loop"][1]  # n = 3: the unrolled graph is smaller
    assert unrolled[2] > rows["tf.range loop"][3]  # n = 30: the loop op is smaller


@claim(
    PAGE,
    "Eagerly, a tape adds the cost of recording every op, and `tape.gradient` then runs the "
    "backward ops one by one.",
    "Timed on a small Keras model, the eager gradient step costs more than the eager forward "
    "pass alone, and the same step in a `tf.function` is more than twice as fast as it is "
    "eagerly:",
)
def test_what_the_tape_costs(output):
    out = output("snippets/performance/tape_cost.py")
    times = bench_medians(out)
    assert list(times) == [
        "eager, forward",
        "eager, gradient",
        "tf.function, forward",
        "tf.function, gradient",
    ]
    assert times["eager, gradient"] > times["eager, forward"]
    assert times["eager, gradient"] > 2 * times["tf.function, gradient"]
    assert lines(out)[-1].startswith("(measured in ")

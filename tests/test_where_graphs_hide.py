"""Claims docs/where-graphs-hide.md makes about its snippets' output.

The measured claims (py_function's cost, prefetch, steps_per_execution) are
worded to hold on the short run the tests read (TRACED_QUICK=1) and on the
published full run, on a busy 2-core machine: each threshold below is the
one its sentence states."""

import re

from conftest import bench_medians, claim, line_matching, lines
from traced import catalog

PAGE = "where-graphs-hide.md"


@claim(
    PAGE,
    "tf.data: your function is traced",
    "`Dataset.map` and `Dataset.filter` do not call your function on each element.",
    "They trace it once, when the pipeline is built, into a graph that tf.data runs on its own "
    "threads.",
    "So Python's `print` runs once, with a symbolic tensor, and `tf.print` runs for every "
    "element, every time the dataset is iterated:",
    "No `@tf.function` anywhere, and `tf.executing_eagerly()` is `False` inside both functions.",
    "a Python side effect in a `map` function happens once, at build time.",
    "A function given to `map`, `filter` or any tf.data transformation is traced",
)
def test_dataset_map_is_traced(output):
    shown = lines(output("snippets/hidden_graphs/dataset_map_is_traced.py"))
    # print: once each, while the pipeline is built, seeing a symbolic tensor;
    # tf.print: for every element (0 and 2 pass the filter), on every pass.
    one_pass = ["  tf.print: element 0", "  tf.print: element 2", "  got [0, 4]"]
    assert shown == [
        "building the pipeline:",
        "  print: filter's predicate runs, eagerly? False",
        '  print: map\'s function runs, eagerly? False Tensor("args_0:0", shape=(), dtype=int64)',
        "iterating it, first time:",
        *one_pass,
        "iterating it, second time:",
        *one_pass,
    ]


@claim(
    PAGE,
    "A `for` loop over a dataset inside a `tf.function` is converted by [AutoGraph](autograph.md): "
    "not into a `While` op, and not unrolled like a loop over a Python list, but into dataset "
    "ops (`ScanDataset`, `ReduceDataset`) whose body is a function of its own.",
    "The loop's Python runs once, while tracing, and one trace serves datasets of 5 and of 100 "
    "elements:",
)
def test_dataset_loop_in_tf_function_becomes_dataset_ops(output):
    shown = lines(output("snippets/hidden_graphs/dataset_in_tf_function.py"))
    assert shown[:4] == ["tracing total", "sum of 1..5: 15", "sum of 0..99: 4950", "traces: 1"]
    ops = re.fullmatch(r"ops in the graph: (.+)", shown[4])[1].split(", ")
    assert {"ScanDataset", "ReduceDataset"} <= set(ops)
    assert "While" not in ops and "AddV2" not in ops  # not a loop op, not unrolled
    # Each dataset op's body is a function of its own; the add is in the scan's.
    assert len(shown) == 7
    assert re.fullmatch(r"  __inference_Dataset_scan_scan_body_… holds .*\bAddV2\b.*", shown[5])
    assert re.fullmatch(r"  __inference_reduce_reduce_body_… holds \w+(, \w+)*", shown[6])


@claim(
    PAGE,
    "Inside `map` there are none, so `.numpy()` fails while tracing.",
    "`tf.py_function` runs a Python function eagerly, on each element, from inside the graph.",
    "TensorFlow cannot know what it returns, so the result has an unknown shape, and Keras, "
    "which needs shapes, fails on it.",
    "`tf.ensure_shape` states the shape, and `fit` trains on the result:",
    "give its result a shape with `tf.ensure_shape`.",
)
def test_py_function_escape(output):
    shown = lines(output("snippets/hidden_graphs/py_function_escape.py"))
    assert shown == [
        "map(features):     AttributeError: 'SymbolicTensor' object has no attribute 'numpy'",
        "with tf.py_function: TensorSpec(shape=<unknown>, dtype=tf.float32, name=None)",
        # features(i) = [i % 3, i % 5], computed in Python for elements 0 and 1
        "first two: [[0.0, 0.0], [1.0, 1.0]]",
        "fit: as_list() is not defined on an unknown TensorShape.",
        "with tf.ensure_shape: TensorSpec(shape=(2,), dtype=tf.float32, name=None)",
        "fit: trained on 2 batches",  # 8 elements in batches of 4
    ]


@claim(
    PAGE,
    "Every element now goes from the tf.data threads back to Python and its global interpreter "
    "lock, and back.",
    "The last line gives this build's ratio: the `tf.py_function` pipeline takes more than one "
    "and a half times as long per element as the same work as TF ops.",
)
def test_py_function_costs_more_than_one_and_a_half_times_the_ops(output):
    out = output("snippets/performance/py_function_cost.py")
    per_element = {
        name: float(micros)
        for name, micros in re.findall(r"^(map, .+): (\d+) µs per element$", out, re.M)
    }
    assert list(per_element) == ["map, TF ops", "map, tf.py_function"]
    ratio = per_element["map, tf.py_function"] / per_element["map, TF ops"]
    assert ratio > 1.5
    # The last line is that ratio (rounded; the µs above are rounded too).
    printed = re.fullmatch(r"tf\.py_function costs (\d+)x the TF ops per element", lines(out)[-1])
    assert printed, lines(out)[-1]
    assert abs(ratio - int(printed[1])) <= 0.55, (ratio, printed[0])
    times = bench_medians(out)  # the table says the same
    assert times["map, tf.py_function"] > 1.5 * times["map, TF ops"]


@claim(
    PAGE,
    "To see the overlap itself, this benchmark simulates both sides with sleeps, as the tf.data "
    "guide does: 10 ms to read a batch, 10 ms to train on it.",
    "The first row switches off the prefetch TensorFlow injects by default (`inject_prefetch`), "
    "so it shows a pipeline with none at all:",
    "With no prefetch at all, a step costs at least the read plus the training, 20 ms.",
    "With a prefetch, reading happens while the previous batch trains, and a step costs less "
    "than with none, but more than the longer of the two sides alone (10 ms): the last lines "
    "give each pipeline's cost per step as a multiple of the longer side.",
    "A perfect overlap would print 1.00x; the sleeps, the iterator and the hand-off between "
    "threads add time of their own.",
    "The default pipeline, with no `prefetch` written, gains too: TensorFlow has already "
    "injected one at its end.",
)
def test_prefetch_overlaps_reading_and_training(output):
    out = output("snippets/performance/prefetch_overlap.py")
    names = ["no prefetch at all", "default pipeline", "prefetch(AUTOTUNE)"]
    assert list(bench_medians(out)) == names  # the table's rows, in order
    assert "reading alone: 10 ms, training alone: 10 ms" in lines(out)
    per_step = {
        name: float(ms) for name, ms in re.findall(r"^(.+): ([\d.]+) ms per step$", out, re.M)
    }
    assert list(per_step) == names
    none, default, explicit = (per_step[name] for name in names)
    assert none >= 20  # the two sleeps, one after the other
    assert explicit < none
    assert default < none  # the prefetch TensorFlow injects
    # The last lines: each pipeline's cost per step over the longer side.
    last = [re.fullmatch(r"(.+): ([\d.]+)x the longer side", line) for line in lines(out)[-3:]]
    assert all(last), lines(out)[-3:]
    assert [m[1] for m in last] == names
    for m in last:
        assert float(m[2]) > 1.0, m[0]
        assert abs(float(m[2]) - per_step[m[1]] / 10) <= 0.011, m[0]  # each rounded


@claim(
    PAGE,
    "`fit` traces its train step once, for all epochs and batches; a second `fit` on the same "
    "model reuses it.",
    "`evaluate` and `predict` have step functions of their own, each traced on its first call.",
    "A new batch size traces once more: batches of 5 after batches of 8.",
    "The last, smaller batch of 2 then adds no trace: Keras builds its step functions with "
    "`reduce_retracing=True`, so the retrace already left the batch size open "
    "([`reduce_retracing`](retracing.md#reduce_retracingtrue)).",
    "Calling the model, `model(x)`, runs eagerly, every time.",
    "The first row is easy to miss: building the model ran the layer's Python too.",
    "Keras calls every layer on a symbolic input when it builds a model (here, the `Sequential` "
    "with a `keras.Input`), to work out its shapes.",
    "`fit`, `evaluate` and `predict` trace their steps and reuse them; `model(x)` is eager.",
)
@claim(
    "keras.md",
    "`fit`, `evaluate` and `predict` trace their step functions into graphs, while calling a "
    "model directly runs eagerly.",
)
def test_keras_fit_evaluate_predict_trace_once_each(output):
    shown = lines(output("snippets/hidden_graphs/keras_fit_traces.py"))
    rows = [
        ("building the model", "1 traced, 0 eagerly"),  # Keras calls each layer symbolically
        ("fit, 3 epochs of 4 batches", "1 traced, 0 eagerly"),
        ("fit again", "0 traced, 0 eagerly"),
        ("evaluate, 4 batches", "1 traced, 0 eagerly"),
        ("evaluate, batches of 5 and a 2", "1 traced, 0 eagerly"),
        ("predict, 4 batches", "1 traced, 0 eagerly"),
        ("predict, batches of 5 and a 2", "1 traced, 0 eagerly"),
        ("model(x), twice", "0 traced, 2 eagerly"),
    ]
    assert shown == [
        "how often the layer's Python ran:",
        *(f"{label:<34} {counts}" for label, counts in rows),
    ]


@claim(
    PAGE,
    "`steps_per_execution=32` runs 32 steps inside one call, in a graph loop, and pays the rest "
    "once per 32 steps.",
    "On this build's machine 32 steps per execution cut the time per step by more than a quarter.",
    "The last line compares the time saved per step with one `tf.function` call (measured here, "
    "as in the [performance chapter](performance.md#what-a-call-costs)): the saving is more than "
    "one call, since each step it saves is a call of Keras's step function plus Keras's own "
    "Python around it.",
)
def test_steps_per_execution_saves_more_than_a_call(output):
    out = output("snippets/performance/steps_per_execution.py")
    per_step = {
        name: float(micros)
        for name, micros in re.findall(r"^(steps_per_execution=\d+): (\d+) µs per step$", out, re.M)
    }
    assert list(per_step) == ["steps_per_execution=1", "steps_per_execution=32"]
    one, many = per_step["steps_per_execution=1"], per_step["steps_per_execution=32"]
    assert many < 0.75 * one
    found = line_matching(r"saved per step: (-?\d+) µs; one tf\.function call: (\d+) µs", out)
    saved, call = float(found[1]), float(found[2])
    assert abs(saved - (one - many)) <= 1  # each rounded to a µs
    shown = lines(out)
    assert shown[-2] == found[0]
    last = re.fullmatch(r"the saving per step is ([\d.]+)x one tf\.function call", shown[-1])
    assert last, shown[-1]
    assert float(last[1]) > 1
    assert abs(float(last[1]) - saved / call) <= 0.051 + 0.5 / call * (1 + saved / call)


@claim(
    PAGE,
    "`compile(run_eagerly=True)` runs the step as plain Python (the layer runs on every batch, "
    "which is what you want while debugging it).",
    "`compile(jit_compile=True)` traces the step as usual and then compiles the whole graph with "
    "XLA, so every op in the model must be one XLA can compile; a `tf.numpy_function` is not:",
)
def test_keras_compile_switches(output):
    shown = lines(output("snippets/hidden_graphs/keras_compile_switches.py"))
    assert shown[:5] == [
        "fit, 3 epochs of 1 batch; how often the layer's Python ran:",
        "run_eagerly=False, jit_compile=False: 1 traced, 0 eagerly",
        "run_eagerly=True, jit_compile=False: 0 traced, 3 eagerly",
        "run_eagerly=False, jit_compile=True: 1 traced, 0 eagerly",
        "jit_compile=True, with a tf.numpy_function in the model:",
    ]
    assert len(shown) == 6
    assert re.fullmatch(
        r"  Detected unsupported operations when trying to compile graph "
        r"\S+\[\] on XLA_\w+_JIT: PyFunc",
        shown[5],
    )


@claim(
    PAGE,
    "A `tf.function` on a method is traced per instance: each object gets its own trace",
    "State on `self` follows the usual rule: a Python attribute changes only while tracing, a "
    "`tf.Variable` on every call.",
    "A `tf.Module` also finds the variables its attributes hold, for checkpoints and `SavedModel`:",
    "`python_count` says how often each instance was traced, not called.",
)
def test_module_state(output):
    shown = lines(output("snippets/hidden_graphs/module_state.py"))
    # first: called three times, second: once; each traced once, on its own.
    assert shown == [
        "first: python_count=1, count=3, traces=1",
        "second: python_count=1, count=1, traces=1",
        "variables the module tracks: ['Variable:0']",
    ]


@claim(
    PAGE,
    "A random op in a graph draws new numbers on every call: the op keeps its state between calls.",
    "What a seed fixes is the *sequence*.",
    "Three ways, each in a `tf.function`, each called twice, then built afresh from the same "
    "seeds:",
    "A seeded `tf.random` op (here with `tf.random.set_seed` and an op seed) gives new numbers "
    "on each call, and the same sequence each time the function is built again.",
    "A `tf.random.Generator` keeps its state in a variable: new numbers on each call, the same "
    "sequence from the same seed",
    "A stateless op (`tf.random.stateless_uniform`) is a pure function of its seed: the same "
    "numbers on every call.",
    "For random numbers that repeat, use stateless ops; for numbers that change on each call, a "
    "`tf.random.Generator`.",
)
def test_random_in_graphs(output):
    shown = lines(output("snippets/hidden_graphs/random_in_graphs.py"))
    changes = "  same on every call: False; rebuilt, first call repeats: True"
    repeats = "  same on every call: True; rebuilt, first call repeats: True"
    ways = [
        ("seeded tf.random op", changes),
        ("tf.random.Generator", changes),
        ("stateless op", repeats),
    ]
    assert len(shown) == 2 * len(ways)
    for i, (name, verdict) in enumerate(ways):
        drawn = re.fullmatch(rf"{re.escape(name)}: (\[[^]]+\]) then (\[[^]]+\])", shown[2 * i])
        assert drawn, shown[2 * i]
        assert (drawn[1] == drawn[2]) == (verdict == repeats), name  # the two calls' numbers
        assert shown[2 * i + 1] == verdict, name


@claim(
    PAGE,
    "`MirroredStrategy` copies each variable to every device and runs your step on each, in one "
    "graph.",
    "It needs no GPU: on a CPU-only machine, split the CPU into two logical devices before "
    "TensorFlow runs its first op.",
    "Inside a `tf.function`, `strategy.run` traces your replica function once per replica: its "
    "Python ran twice on the first call, and not at all on the second.",
    "The graph holds one copy of the step's ops per replica, each placed on its device (`mul` "
    "and `replica_1/mul`), and the reduction that sums them.",
    "Called eagerly, outside a `tf.function`, `strategy.run` works but warns that it is slow, "
    "and returns a `PerReplica` value.",
    "Logical devices can be set up only before the first op.",
    "Trying later raises the `RuntimeError` on the last line.",
)
def test_mirrored_strategy(output):
    shown = lines(output("snippets/hidden_graphs/mirrored_strategy.py"))
    assert shown[:2] == ["replicas in sync: 2", "w is a MirroredVariable"]
    first, second = shown.index("first call:"), shown.index("second call:")
    # Traced once per replica on the first call; not at all on the second.
    assert shown[first + 1 : second] == [
        "  replica_step runs, eagerly: False",
        "  replica_step runs, eagerly: False",
        "  sum over replicas: 4.0",  # 1.0 * w on each replica, summed
    ]
    assert shown[second + 1] == "  sum over replicas: 4.0"
    device = "/job:localhost/replica:0/task:0/device:CPU"
    assert shown[second + 2 : second + 4] == [
        f"op 'mul' on {device}:0",
        f"op 'replica_1/mul' on {device}:1",
    ]
    eager = shown[shown.index("strategy.run outside a tf.function:") :]
    assert re.fullmatch(
        r"WARNING:tensorflow:Using MirroredStrategy eagerly has significant overhead currently\..*",
        eager[1],
    )
    assert eager[2:4] == ["  replica_step runs, eagerly: True"] * 2
    assert re.fullmatch(
        r"  PerReplica \(<tf\.Tensor: shape=\(\), dtype=float32, numpy=2\.0>, "
        r"<tf\.Tensor: shape=\(\), dtype=float32, numpy=2\.0>\)",
        eager[4],
    )
    assert eager[5:] == ["RuntimeError: Virtual devices cannot be modified after being initialized"]


@claim(
    PAGE,
    "This snippet runs in its own process when the site is built, for that reason.",
)
def test_mirrored_strategy_runs_in_its_own_process(output):
    path = "snippets/hidden_graphs/mirrored_strategy.py"
    assert catalog.runs_in_own_process(path)
    # Its first lines come after it split the CPU into two logical devices,
    # which only a process that has run no op yet can do; later in the same
    # process, the same call fails.
    shown = lines(output(path))
    assert shown[0] == "replicas in sync: 2"
    assert shown[-1] == "RuntimeError: Virtual devices cannot be modified after being initialized"

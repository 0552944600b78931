"""Claims docs/where-graphs-hide.md makes about its snippets' output.

The measured claims (py_function's cost, prefetch, steps_per_execution) hold
by a wide margin: the tests run the benchmarks short (TRACED_QUICK=1)."""

import re

from conftest import bench_medians, lines, run


def test_dataset_map_is_traced(output):
    shown = lines(output("snippets/hidden_graphs/dataset_map_is_traced.py"))
    # print runs once each, while the pipeline is built, seeing no values.
    assert shown[:3] == [
        "building the pipeline:",
        "  print: filter's predicate runs, eagerly? False",
        'print: map\'s function runs, eagerly? False Tensor("args_0:0", shape=(), '
        "dtype=int64)".join(["  ", ""]),
    ]
    # tf.print runs for every element, on every pass.
    for run_name in ("first", "second"):
        i = shown.index(f"iterating it, {run_name} time:")
        assert shown[i + 1 : i + 4] == [
            "  tf.print: element 0",
            "  tf.print: element 2",
            "  got [0, 4]",
        ]
    assert sum("print: map's function runs" in line for line in shown) == 1


def test_dataset_loop_in_tf_function_becomes_dataset_ops(output):
    shown = lines(output("snippets/hidden_graphs/dataset_in_tf_function.py"))
    assert shown[:4] == ["tracing total", "sum of 1..5: 15", "sum of 0..99: 4950", "traces: 1"]
    graph_ops = next(line for line in shown if line.startswith("ops in the graph: "))
    ops = graph_ops.removeprefix("ops in the graph: ").split(", ")
    assert {"ScanDataset", "ReduceDataset"} <= set(ops)
    assert "While" not in ops and "AddV2" not in ops  # the add is in the body
    assert any(
        re.fullmatch(r"  __inference_\w+_body_… holds .*\bAddV2\b.*", line) for line in shown
    )


def test_py_function_escape(output):
    shown = lines(output("snippets/hidden_graphs/py_function_escape.py"))
    assert (
        "map(features):     AttributeError: 'SymbolicTensor' object has no attribute 'numpy'"
        in shown
    )
    assert "with tf.py_function: TensorSpec(shape=<unknown>, dtype=tf.float32, name=None)" in shown
    assert "fit: as_list() is not defined on an unknown TensorShape." in shown
    assert "with tf.ensure_shape: TensorSpec(shape=(2,), dtype=tf.float32, name=None)" in shown
    assert "fit: trained on 2 batches" in shown


def test_py_function_costs_several_times_the_ops(output):
    out = output("snippets/performance/py_function_cost.py")
    times = bench_medians(out)
    # 6-8x on an idle machine; 3x with the other test worker busy beside it.
    assert times["map, tf.py_function"] > 2 * times["map, TF ops"]
    assert re.search(r"^tf\.py_function costs \d+x the TF ops per element$", out, re.M)


def test_prefetch_overlaps_reading_and_training(output):
    out = output("snippets/performance/prefetch_overlap.py")
    times = bench_medians(out)
    none, default = times["no prefetch at all"], times["default pipeline"]
    explicit = times["prefetch(AUTOTUNE)"]
    # Without a prefetch a step costs at least read + train (20 ms); with
    # one, clearly less.
    assert none > 1.4 * explicit
    assert none > 1.4 * default
    assert 1 / 1.25 < default / explicit < 1.25  # TensorFlow's injected prefetch
    per_step = dict(re.findall(r"^(.+): ([\d.]+) ms per step$", out, re.M))
    assert float(per_step["no prefetch at all"]) > 19  # at least the two sleeps
    # With a prefetch: clearly less than the sum, more than the longer side.
    found = re.findall(r"^(.+): ([\d.]+)x the longer side$", out, re.M)
    longer = {name: float(ratio) for name, ratio in found}
    assert sorted(longer) == sorted(times)
    for name in ("default pipeline", "prefetch(AUTOTUNE)"):
        assert 1.0 < longer[name] < longer["no prefetch at all"] / 1.4, name


def test_keras_fit_evaluate_predict_trace_once_each(output):
    shown = lines(output("snippets/hidden_graphs/keras_fit_traces.py"))
    expected = {
        "building the model": "1 traced, 0 eagerly",  # Keras calls each layer symbolically
        "fit, 3 epochs of 4 batches": "1 traced, 0 eagerly",
        "fit again": "0 traced, 0 eagerly",
        "evaluate, 4 batches": "1 traced, 0 eagerly",
        "evaluate, batches of 5 and a 2": "1 traced, 0 eagerly",
        "predict, 4 batches": "1 traced, 0 eagerly",
        "predict, batches of 5 and a 2": "1 traced, 0 eagerly",
        "model(x), twice": "0 traced, 2 eagerly",
    }
    for label, counts in expected.items():
        assert f"{label:<34} {counts}" in shown, label


def test_steps_per_execution_saves_more_than_a_call(output):
    out = output("snippets/performance/steps_per_execution.py")
    per_step = {
        name: float(micros)
        for name, micros in re.findall(r"^(steps_per_execution=\d+): (\d+) µs per step$", out, re.M)
    }
    assert per_step["steps_per_execution=1"] > 1.5 * per_step["steps_per_execution=32"]
    saved, call = map(
        float,
        re.search(
            r"^saved per step: (-?\d+) µs; one tf\.function call: (\d+) µs$", out, re.M
        ).groups(),
    )
    # 3-4x on an idle machine, 1.2x with the other test worker busy: the
    # saving is at least of the order of one call.
    assert saved > 0.75 * call


def test_keras_compile_switches(output):
    shown = lines(output("snippets/hidden_graphs/keras_compile_switches.py"))
    assert "run_eagerly=False, jit_compile=False: 1 traced, 0 eagerly" in shown
    assert "run_eagerly=True, jit_compile=False: 0 traced, 3 eagerly" in shown
    assert "run_eagerly=False, jit_compile=True: 1 traced, 0 eagerly" in shown
    assert any(
        re.fullmatch(
            r"  Detected unsupported operations when trying to compile graph "
            r"\S+\[\] on XLA_\w+_JIT: PyFunc",
            line,
        )
        for line in shown
    )


def test_module_state(output):
    shown = lines(output("snippets/hidden_graphs/module_state.py"))
    assert "first: python_count=1, count=3, traces=1" in shown
    assert "second: python_count=1, count=1, traces=1" in shown
    assert "variables the module tracks: ['Variable:0']" in shown


def test_random_in_graphs(output):
    shown = lines(output("snippets/hidden_graphs/random_in_graphs.py"))
    changes = "  same on every call: False; rebuilt, first call repeats: True"
    repeats = "  same on every call: True; rebuilt, first call repeats: True"
    for name, verdict in [
        ("seeded tf.random op", changes),
        ("tf.random.Generator", changes),
        ("stateless op", repeats),
    ]:
        i = next(i for i, line in enumerate(shown) if line.startswith(f"{name}: ["))
        assert shown[i + 1] == verdict, name


def test_mirrored_strategy(output):
    shown = lines(output("snippets/hidden_graphs/mirrored_strategy.py"))
    assert shown[:2] == ["replicas in sync: 2", "w is a MirroredVariable"]
    first, second = shown.index("first call:"), shown.index("second call:")
    # Traced once per replica on the first call; not at all on the second.
    assert shown[first + 1 : second] == [
        "  replica_step runs, eagerly: False",
        "  replica_step runs, eagerly: False",
        "  sum over replicas: 4.0",
    ]
    assert shown[second + 1] == "  sum over replicas: 4.0"
    assert re.fullmatch(
        r"op 'mul' on /job:localhost/replica:0/task:0/device:CPU:0", shown[second + 2]
    )
    assert re.fullmatch(
        r"op 'replica_1/mul' on /job:localhost/replica:0/task:0/device:CPU:1", shown[second + 3]
    )
    eager = shown[shown.index("strategy.run outside a tf.function:") :]
    assert eager[1].startswith("WARNING:tensorflow:Using MirroredStrategy eagerly has significant")
    assert eager[2:4] == ["  replica_step runs, eagerly: True"] * 2
    assert eager[4].startswith("  PerReplica (")
    assert shown[-1] == "RuntimeError: Virtual devices cannot be modified after being initialized"


def test_mirrored_strategy_runs_in_its_own_process():
    # Its logical devices need a process that has run no op yet.
    assert run("snippets/hidden_graphs/mirrored_strategy.py").namespace == {}

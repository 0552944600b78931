"""Claims docs/keras.md makes about its snippets' output."""

import re

from conftest import claim, line_matching, lines, recorded
from traced import provenance


def _on_gpu() -> bool:
    """Whether the outputs come from a machine with a GPU: the record's
    environment, or this process's when the tests run the snippets."""
    data = recorded()
    environment = data["environment"] if data is not None else provenance.environment()
    return provenance.device_kind(environment) == "gpu"


@claim(
    "keras.md",
    "`model(x)` runs eagerly; `fit` and `predict` run traced graphs;",
    "`compile(run_eagerly=True)` to debug a model's Python on every batch;",
    "Building each model runs the layer once on a symbolic input.",
    "Called directly, the model runs eagerly.",
    "Under `predict` and `fit`, the layer's Python runs only while Keras traces the step "
    "function: it prints `False`, once for the three epochs `fit` ran, because every later step "
    "runs the graph.",
    "After `compile(run_eagerly=True)`, `fit` runs the layer eagerly on every batch: three "
    "epochs of one batch each, three lines.",
    "`fit`, `evaluate` and `predict` trace; `model(x)` does not.",
)
@claim(
    "where-graphs-hide.md",
    "So a `print` in `call` also appears whenever a model is built",
)
def test_model_call_eager_fit_predict_graph(output):
    out = output("snippets/keras_graphs/fit_runs_in_a_graph.py")
    graph, eager = (
        "  layer called, executing eagerly: False",
        "  layer called, executing eagerly: True",
    )
    assert lines(out) == [
        "building two models (Keras calls each on a symbolic input):",
        graph,
        graph,
        "model(x):",
        eager,
        "model.predict(x):",
        graph,
        "model.fit(x, y):",
        graph,  # one trace for three epochs: later steps run the graph
        "model.fit(x, y) after compile(run_eagerly=True):",
        *[eager] * 3,  # three epochs of one batch
    ]


@claim(
    "keras.md",
    "On a CPU-only TensorFlow it resolves to `False`, which the output below shows for this "
    "build's device (named at the top).",
    "Keras's `_resolve_auto_jit_compile` ([`trainer.py`](https://github.com/keras-team/keras/"
    'blob/master/keras/src/trainers/trainer.py)) resolves `"auto"` to `True` when TensorFlow '
    "sees a device other than the CPU, no distribution strategy is set, and every layer "
    "supports XLA.",
    '`jit_compile="auto"` is `False` on a CPU-only machine and, by Keras\'s source, may be '
    "`True` on a GPU: set it explicitly when you compare runs.",
)
@claim(
    "where-graphs-hide.md",
    'Keras\'s default, `jit_compile="auto"`, resolves to `False` on a CPU-only machine; by '
    "Keras's source it may turn XLA on by itself on a GPU:",
)
def test_jit_compile_auto(output):
    shown = lines(output("snippets/keras_graphs/jit_compile_auto.py"))
    # Decided by the machine the record (or this run) comes from, not by the output.
    if _on_gpu():  # a Dense model, no strategy: Keras's source says True
        assert re.fullmatch(r"GPUs: [1-9]\d*", shown[0]), shown[0]
        resolved = "True"
    else:
        assert shown[0] == "GPUs: 0"
        resolved = "False"
    assert shown[1:] == [f'jit_compile="auto" resolved to: {resolved}', "jit_compile=True: True"]


@claim(
    "keras.md",
    "Writing your own loop keeps the best of both: the step (forward pass, gradients, update) is "
    "one `tf.function`, traced once; the loop around it stays plain Python, where logging, early "
    "stopping and checkpoints are easy to write and debug.",
    "The step was traced once and ran on every epoch; the loop decided in Python when to stop.",
)
def test_custom_train_loop(output):
    out = output("snippets/keras_graphs/custom_train_loop.py")
    shown = lines(out)
    assert shown[-1] == "traces: 1"
    stop = line_matching(r"epoch (\d+): loss below 0\.01, stopping early", out)
    assert shown[-2] == stop[0]
    last_epoch = int(stop[1])
    assert last_epoch < 100  # stopped before the loop's end, by its own test
    # A line every 5 epochs up to the stop, the loss falling: the step ran
    # and updated the model on every epoch; above 0.01 until the stop.
    epochs = range(5, last_epoch + 1, 5)
    logged = [
        re.fullmatch(rf"epoch {epoch}: loss (\d+\.\d{{4}})", line)
        for epoch, line in zip(epochs, shown[:-2], strict=True)
    ]
    assert all(logged), shown[:-2]
    losses = [float(m[1]) for m in logged]
    assert losses == sorted(losses, reverse=True) and len(set(losses)) == len(losses)
    before_stop = losses[: len(range(5, last_epoch, 5))]
    assert all(loss >= 0.01 for loss in before_stop)  # else the loop would have stopped there


SWITCHES = "snippets/keras_graphs/run_eagerly_jit_compile_cases.py"


@claim(
    "keras.md",
    "which switch runs `train_step`, `call` and the loss eagerly, and what `model.run_eagerly` "
    "then reports;",
    'Keras\'s defaults are `run_eagerly=False` and `jit_compile="auto"`.',
    "Each row below compiles a new subclassed model with the switch named, then calls `fit`, "
    "`evaluate` and `predict` on two batches and `model(x)` once.",
    "The model overrides `train_step`, holds a layer whose `call` is probed, and trains with a "
    "custom loss function; each of the three notes `tf.executing_eagerly()` whenever its Python "
    "runs.",
    "A cell reads `eager` when that Python ran eagerly on every batch and `graph` when it ran "
    "only while Keras traced a graph; the last two columns are what `model.run_eagerly` and "
    "`model.jit_compile` report afterwards, and a line starting `^` is a warning the row raised.",
    "The rule: with `run_eagerly=True` or `tf.config.run_functions_eagerly(True)`, `train_step`, "
    "`call` and the loss run eagerly on every batch of `fit`, `evaluate` and `predict`; with "
    "neither, they run only while Keras traces its step functions.",
    "`jit_compile` never changes where the Python runs: with `jit_compile=True` it still runs "
    "only while tracing, and XLA compiles the graph that tracing built.",
    "`model(x)` runs eagerly under every switch.",
    'The `jit_compile="auto"` row shows what `"auto"` resolved to on this build\'s device, as '
    "in the section above.",
    "Three rows hold surprises:",
    "`run_eagerly=True, jit_compile=True` is not an error: Keras warns, turns XLA off, and "
    "`model.jit_compile` reports `False`.",
    "Under `tf.config.run_functions_eagerly(True)` everything runs eagerly, yet "
    "`model.run_eagerly` still reports `False`, and `model.jit_compile` reports `True` when it "
    "was asked for, though the steps ran eagerly and uncompiled: the attributes say what "
    "`compile` was given, not how the steps run.",
    "The global switch also warns that it does not reach `tf.data` functions: Keras's input "
    "pipeline stays a graph "
    "([Troubleshooting](troubleshooting.md#this-option-does-not-apply-to-tfdata-functions)).",
    "`model.run_eagerly` reports what `compile` was given: under "
    "`tf.config.run_functions_eagerly(True)` it says `False` while every step runs eagerly.",
)
def test_run_eagerly_jit_compile_cases(output):
    # "auto" resolves by the machine the record (or this run) comes from:
    # False on a CPU-only build; True on a GPU for this all-XLA model.
    auto = "True" if _on_gpu() else "False"
    tf_data_warning = (
        "  ^ UserWarning: Even though the `tf.config.experimental_run_functions_eagerly` option "
        "is set, this option …"
    )
    assert lines(output(SWITCHES)) == [
        "                                              "
        "fit                evaluate     predict model(x) model.",
        "switch                                        "
        "step  call  loss   call  loss   call    call     run_eagerly jit_compile",
        "run_eagerly=False                             "
        "graph graph graph  graph graph  graph   eager    False       False",
        "run_eagerly=True                              "
        "eager eager eager  eager eager  eager   eager    True        False",
        "jit_compile=False                             "
        "graph graph graph  graph graph  graph   eager    False       False",
        "jit_compile=True                              "
        "graph graph graph  graph graph  graph   eager    False       True",
        'jit_compile="auto"                            '
        "graph graph graph  graph graph  graph   eager    False       " + auto,
        "run_eagerly=True, jit_compile=True            "
        "eager eager eager  eager eager  eager   eager    True        False",
        "  ^ UserWarning: If `run_eagerly` is True, then `jit_compile` cannot also be True. "
        "Disabling `jit_compile`.",
        "run_functions_eagerly(True)                   "
        "eager eager eager  eager eager  eager   eager    False       False",
        tf_data_warning,
        "run_functions_eagerly(True), jit_compile=True "
        "eager eager eager  eager eager  eager   eager    False       True",
        tf_data_warning,
    ]

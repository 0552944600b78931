"""Claims docs/keras.md makes about its snippets' output."""

import re

from conftest import lines


def _section(out: str, title: str, next_title: str | None = None) -> list[str]:
    part = out.split(title)[1]
    if next_title:
        part = part.split(next_title)[0]
    return re.findall(r"executing eagerly: (True|False)", part)


def test_model_call_eager_fit_predict_graph(output):
    out = output("snippets/keras_graphs/fit_runs_in_a_graph.py")
    assert _section(out, "model(x):", "model.predict") == ["True"]
    assert set(_section(out, "model.predict(x):", "model.fit")) == {"False"}
    assert _section(out, "building two models", "model(x):") == ["False"] * 2
    # One trace for three epochs: later steps run the graph.
    assert _section(out, "model.fit(x, y):", "model.fit(x, y) after") == ["False"]
    # run_eagerly: once per batch (three epochs of one batch), eagerly.
    assert _section(out, "model.fit(x, y) after compile(run_eagerly=True):") == ["True"] * 3


def test_jit_compile_auto(output):
    out = output("snippets/keras_graphs/jit_compile_auto.py")
    if "GPUs: 0" in lines(out):
        assert 'jit_compile="auto" resolved to: False' in lines(out)
    assert "jit_compile=True: True" in lines(out)


def test_custom_train_loop(output):
    out = output("snippets/keras_graphs/custom_train_loop.py")
    assert "loss below 0.01, stopping early" in out
    assert "traces: 1" in lines(out)

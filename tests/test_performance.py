"""Conclusions docs/performance.md draws from its measurements.

Only conclusions that hold by a wide margin are stated and asserted, so that
a noisy, shared machine does not make these tests flaky. The tests run the
benchmarks short (TRACED_QUICK=1, set in conftest)."""

import json
import re

import pytest

from conftest import DOCS, bench_medians, printed, recorded, run


def test_measuring_helper_prints_nothing(output):
    assert output("snippets/performance/bench.py") == ""


def test_a_tf_function_call_costs_more_than_an_eager_op(output):
    out = output("snippets/performance/call_overhead.py")
    times = bench_medians(out)
    assert times["no-op tf.function"] > 2 * times["one eager op"]
    # Functions traced before timing show no trace time as their first call.
    for mode in ("one-op tf.function", "one-op ConcreteFunction"):
        assert re.search(rf"^{mode} .* traced before$", out, re.M), mode
    assert "cores, TF " in out  # the machine is printed with the results


def test_every_table_reports_its_measurement_time(output):
    for name in ("call_overhead", "tiny_function_many_calls", "big_matmul", "keras_train_step"):
        assert re.search(r"\(measured in [\d.]+ s\)", output(f"snippets/performance/{name}.py"))


def test_tiny_function_is_faster_eagerly(output):
    assert len(run("snippets/performance/tiny_function_many_calls.py").figures) == 1  # the bars
    times = bench_medians(output("snippets/performance/tiny_function_many_calls.py"))
    for mode in ("tf.function", "tf.function + signature"):
        assert times["eager"] < times[mode], mode


CROSSING = (
    r"overtakes eager at n = \d+ ops \(single rounds: \d+-\d+"
    r"(, \d+ rounds|; \d+ of \d+ rounds never)\)"
)


def sweep_medians(out: str) -> dict[int, list[float]]:
    """The sweep's table: n -> medians (eager, tf.function, XLA), in µs."""
    return {
        int(n): [float(v) for v in rest.split()]
        for n, rest in re.findall(r"^ *(\d+) +([\d. ]+)$", out, re.M)
    }


def test_op_chain_crossover(output):
    out = output("snippets/performance/op_chain_sweep.py")
    table = sweep_medians(out)
    assert sorted(table) == [1, 2, 5, 8, 10, 12, 15, 18, 20, 25, 30, 40, 60, 100]
    eager, graph = ([row[i] for row in (table[1], table[100])] for i in (0, 1))
    assert graph[0] > eager[0]  # one op: the graph's call costs more
    assert graph[1] < eager[1]  # 100 ops: the graph is faster
    assert graph[1] - graph[0] < eager[1] - eager[0]  # and each added op costs it less
    assert re.search(rf"^tf\.function {CROSSING}$", out, re.M)
    assert re.search(
        rf"^tf\.function \+ XLA ({CROSSING}|does not overtake eager up to n = 100 ops)$",
        out,
        re.M,
    )


def test_notebook_prints_its_crossover_in_the_pages_form():
    if recorded() is None:
        pytest.skip("the executed notebook is the run step's (pytest --record=...)")
    notebook = json.loads((DOCS / "notebooks" / "performance-benchmark.ipynb").read_text())
    shown = "".join(printed(cell) for cell in notebook["cells"])
    assert re.search(rf"^tf\.function {CROSSING}$", shown, re.M)
    assert re.search(
        rf"^tf\.function \+ XLA ({CROSSING}|does not overtake eager up to n = 100 ops)$",
        shown,
        re.M,
    )


def test_op_chain_sweep_draws_a_chart():
    figures = run("snippets/performance/op_chain_sweep.py").figures
    assert len(figures) == 1 and figures[0].startswith("<svg")


def test_one_big_matmul_gains_little(output):
    times = bench_medians(output("snippets/performance/big_matmul.py"))
    for mode in ("tf.function", "tf.function + XLA"):
        assert times["eager"] / times[mode] < 1.5, mode  # "every speed-up ... below 1.5x"
        assert times[mode] / times["eager"] < 3, mode  # slower, if at all, within the band


def test_training_step_gains_most_for_small_models(output):
    out = output("snippets/performance/keras_train_step.py")
    small, medium = (bench_medians(part) for part in out.split("medium MLP"))
    small_gain = small["eager"] / small["tf.function"]
    medium_gain = medium["eager"] / medium["tf.function"]
    assert small_gain > 2 and medium_gain > 1.2
    assert small_gain > medium_gain


def test_first_call_costs_far_more_than_a_cached_call(output):
    out = output("snippets/performance/first_call_cost.py")
    ratios = [int(r) for r in re.findall(r"µs:\s+(\d+)x", out)]
    assert len(ratios) == 5 and min(ratios) > 5
    assert re.search(r"^Keras train step .*: +\d+x \(2 traces\)$", out, re.M)
    firsts = [float(ms) for ms in re.findall(r"first call +([\d.]+) ms", out)]
    assert firsts[-1] == max(firsts)  # the Keras step's first call costs the most
    assert int(re.search(r"retrace \(new Python float\): (\d+)x", out).group(1)) > 5

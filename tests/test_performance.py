"""Conclusions docs/performance.md draws from its measurements.

The tests read the benchmarks' quick run (TRACED_QUICK=1, set in conftest);
the published site measures in full. Each threshold is the one the page's
words state, and holds on both runs with room to spare."""

import json
import re
from dataclasses import dataclass

import pytest

from conftest import DOCS, claim, line_matching, lines, printed, recorded, run
from traced import catalog

PAGE = "performance.md"
BENCH = "snippets/performance/bench.py"
CALL = "snippets/performance/call_overhead.py"
TINY = "snippets/performance/tiny_function_many_calls.py"
SWEEP = "snippets/performance/op_chain_sweep.py"
MATMUL = "snippets/performance/big_matmul.py"
KERAS = "snippets/performance/keras_train_step.py"
FIRST = "snippets/performance/first_call_cost.py"
BENCHMARKS = [CALL, TINY, SWEEP, MATMUL, KERAS, FIRST]

MACHINE = r".+, \d+ cores, TF \d+\.\d+\.\S+ on (CPU|GPU \S.*)"
MEASURED = r"\(measured in \d+\.\d s\)"
HEAD = r"mode +(?P<unit>µs|ms)/call +IQR +speed-up +first call"
# A median too wide for its column runs into the IQR ("105261.770797-116052"):
# it has one decimal, so the two still read apart.
ROW = (
    r"(?P<mode>\S.*?) +(?P<median>\d+\.\d) *(?P<q1>\d+)-(?P<q3>\d+)"
    r" +(?P<speedup>\d+\.\d\d)x +(?P<first>\d+\.\d ms|traced before)"
)


@dataclass
class Table:
    """One table bench.report printed: its unit, its rows by mode (in order),
    and the line after its last row."""

    unit: str
    rows: dict[str, re.Match]
    after: str

    def median(self, mode: str) -> float:
        return float(self.rows[mode]["median"])

    def speedup(self, mode: str) -> float:
        return float(self.rows[mode]["speedup"])


def tables(out: str) -> list[Table]:
    """Every table in ``out``, in order. Each row's median lies inside its
    interquartile range, and its speed-up is the first row's median over its
    own (both as printed, so within their rounding)."""
    shown = lines(out) + [""]
    found = []
    for i, line in enumerate(shown):
        head = re.fullmatch(HEAD, line)
        if not head:
            continue
        rows = {}
        for row in shown[i + 1 :]:
            match = re.fullmatch(ROW, row)
            if not match:
                break
            rows[match["mode"]] = match
        found.append(Table(head["unit"], rows, shown[i + 1 + len(rows)]))
    for table in found:
        base = table.median(next(iter(table.rows)))
        for mode, row in table.rows.items():
            median = float(row["median"])
            assert int(row["q1"]) - 0.55 <= median <= int(row["q3"]) + 0.55, row[0]
            assert abs(table.speedup(mode) - base / median) <= 0.006 + 0.01 * base / median, row[0]
    return found


def table(out: str, modes: list[str]) -> Table:
    """The one table in ``out``, with these modes in this order."""
    (only,) = tables(out)
    assert list(only.rows) == modes
    return only


@dataclass
class Sweep:
    """The sweep's table: n -> medians (eager, tf.function, XLA) in µs, and
    the lines after it."""

    medians: dict[int, list[float]]
    after: list[str]

    def column(self, i: int) -> list[float]:
        return [row[i] for row in self.medians.values()]


def sweep(out: str) -> Sweep:
    shown = lines(out)
    head = shown.index(
        line_matching(
            r" +n +eager +tf\.function +tf\.function \+ XLA +\(µs per call, median\)", out
        ).group(0)
    )
    medians = {}
    for line in shown[head + 1 :]:
        match = re.fullmatch(r" *(\d+)((?: +\d+\.\d){3})", line)
        if not match:
            break
        medians[int(match[1])] = [float(v) for v in match[2].split()]
    return Sweep(medians, shown[head + 1 + len(medians) :])


def crossing(sizes: list[int], eager: list[float], other: list[float]) -> float | None:
    """What the page says the crossover is: the last place where ``other``
    goes from slower (or equal) to faster, interpolated between the two
    neighbouring sizes; the first size if faster throughout; None if not
    faster at the last."""
    ahead = [e - o for e, o in zip(eager, other, strict=True)]
    if ahead[-1] <= 0:
        return None
    behind = [i for i, a in enumerate(ahead) if a <= 0]
    if not behind:
        return sizes[0]
    i = behind[-1]
    return sizes[i] + (sizes[i + 1] - sizes[i]) * -ahead[i] / (ahead[i + 1] - ahead[i])


def slope(xs: list[float], ys: list[float]) -> float:
    """The least-squares slope of ys over xs."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


FIRST_ROW = (
    r"(?P<name>tiny function|50-op chain|Keras train step) +(?P<label>tf\.function|\+ XLA|)"
    r" +first call +(?P<first>\d+\.\d) ms, cached +(?P<cached>\d+\.\d) µs: +(?P<ratio>\d+)x"
    r"(?P<traces> \(\d+ traces\))?"
)


def first_calls(out: str) -> list[re.Match]:
    """The first-call rows, in order; each ratio is its first call over its
    cached call, as printed."""
    rows = [match for line in lines(out) if (match := re.fullmatch(FIRST_ROW, line))]
    for row in rows:
        ratio = float(row["first"]) * 1e3 / float(row["cached"])
        assert abs(int(row["ratio"]) - ratio) <= 1 + 0.01 * ratio, row[0]
    return rows


# --- How we measure -----------------------------------------------------------------------


@claim("performance.md", "All benchmarks use the helper below.")
def test_every_benchmark_uses_the_helper(output):
    embedded = catalog.page_embeds()[PAGE]
    assert embedded == [BENCH, *BENCHMARKS]
    assert output(BENCH) == ""  # it only defines the helpers
    for path in BENCHMARKS:
        assert "import bench" in lines(run(path).source), path


@claim(
    "performance.md",
    "Every number and chart below was measured while this page was built, on the machine "
    "named in each output.",
)
def test_every_output_names_its_machine(output):
    for path in BENCHMARKS:
        assert re.fullmatch(MACHINE, lines(output(path))[0]), path


@claim(
    "performance.md",
    "Each table ends with how long its measurement took, its share of the time this page "
    "took to build.",
)
def test_every_table_ends_with_its_measurement_time(output):
    for path, count in ((CALL, 1), (TINY, 1), (MATMUL, 1), (KERAS, 2)):
        found = tables(output(path))
        assert len(found) == count, path
        for each in found:
            assert re.fullmatch(MEASURED, each.after), path
    assert re.fullmatch(MEASURED, sweep(output(SWEEP)).after[0])
    shown = lines(output(FIRST))
    assert re.fullmatch(r"retrace \(new Python float\): \d+x a cached call", shown[-2])
    assert re.fullmatch(MEASURED, shown[-1])


@claim(
    "performance.md",
    "It times each mode's first call on its own",
    "It reports the median time per call with the interquartile range (IQR) over rounds.",
)
def test_tables_report_the_first_call_and_the_median_with_its_spread(output):
    for path in (CALL, TINY, MATMUL, KERAS):
        for each in tables(output(path)):  # medians inside their IQR
            assert each.rows, path
            for row in each.rows.values():
                assert re.fullmatch(r"\d+\.\d ms|traced before", row["first"]), path


# --- What a call costs --------------------------------------------------------------------

CALL_MODES = ["one eager op", "no-op tf.function", "one-op tf.function", "one-op ConcreteFunction"]


@claim(
    "performance.md",
    "Before doing any work, each mode pays a fixed price per call.",
    "A `tf.function` call first matches its arguments against the trace cache, then hands a "
    "whole graph to the executor.",
)
@claim(
    "performance.md",
    "On this build's machine a `tf.function` call costs more than twice one eager op.",
    "A graph saves only one op's dispatch, adds its own fixed cost per call (measured under "
    "[What a call costs](#what-a-call-costs): more than the dispatch it saves), and has "
    "nothing to fuse.",
)
def test_a_tf_function_call_costs_more_than_twice_an_eager_op(output):
    out = output(CALL)
    times = table(out, CALL_MODES)
    assert times.median("no-op tf.function") > 2 * times.median("one eager op")
    # Functions traced before timing show no trace time as their first call.
    assert [row["first"] for row in times.rows.values()][2:] == ["traced before"] * 2


@claim(
    "performance.md",
    "A `ConcreteFunction` is one traced graph: calling it skips the matching.",
    "Calling its `ConcreteFunction` instead saves more than 5% of that call.",
    "Calling the `ConcreteFunction` directly skips the argument matching, and saves more "
    "than 5% of the call here too.",
)
def test_a_concrete_function_call_saves_the_matching(output):
    times = table(output(CALL), CALL_MODES)
    assert times.median("one-op ConcreteFunction") < 0.95 * times.median("one-op tf.function")
    times = table(output(TINY), TINY_MODES)
    assert times.median("ConcreteFunction") < 0.95 * times.median("tf.function")


# --- A tiny function ----------------------------------------------------------------------

TINY_MODES = [
    "eager",
    "tf.function",
    "tf.function + signature",
    "ConcreteFunction",
    "tf.function + XLA",
]


@claim(
    "performance.md",
    "why a tiny function called many times is *slower* as a graph;",
    "A function of two ops saves almost nothing by becoming a graph, and pays the call "
    "overhead every time:",
    "The `tf.function` takes more than 1.5 times as long as eager, with or without an "
    "`input_signature`: the graph saves almost nothing and its call costs more.",
    "Consistent with our measurement of a tiny function: for a function that does almost no "
    "work, the per-call overhead of a `tf.function` exceeds the eager cost of its ops.",
)
def test_tiny_function_is_faster_eagerly(output):
    times = table(output(TINY), TINY_MODES)
    for mode in ("tf.function", "tf.function + signature"):
        assert times.median(mode) > 1.5 * times.median("eager"), mode


@claim("performance.md", "The chart shows the same medians with their spread.")
def test_tiny_function_draws_its_chart():
    figures = run(TINY).figures
    assert len(figures) == 1 and figures[0].startswith("<svg")


# --- A chain of small ops -----------------------------------------------------------------

LENGTHS = [1, 2, 5, 8, 10, 12, 15, 18, 20, 25, 30, 40, 60, 100]
CROSSING = (
    r"overtakes eager at n = (?P<n>\d+) ops \(single rounds: (?P<low>\d+)-(?P<high>\d+)"
    r"(, \d+ rounds|; \d+ of \d+ rounds never)\)"
)


@claim(
    "performance.md",
    "Now grow the function: a chain of `n` element-wise ops on a small tensor, `n` from 1 to "
    "100, sampled densely between 5 and 40 and sparsely beyond.",
)
def test_op_chain_sweeps_n_from_1_to_100(output):
    assert list(sweep(output(SWEEP)).medians) == LENGTHS


@claim("performance.md", "The table is the data behind the chart.")
def test_op_chain_sweep_draws_a_chart():
    figures = run(SWEEP).figures
    assert len(figures) == 1 and figures[0].startswith("<svg")


@claim(
    "performance.md",
    "With one op, the graph's call costs more than eager's; at 100 ops the graph is faster.",
)
@claim(
    "performance.md",
    "`tf.function` removes per-op Python overhead and adds a per-call overhead: it pays off "
    "for functions with many ops, not for tiny ones.",
)
def test_the_graph_is_slower_at_one_op_and_faster_at_100(output):
    table = sweep(output(SWEEP)).medians
    eager, graph, _ = table[1]
    assert graph > eager
    eager, graph, _ = table[100]
    assert graph < eager


@claim(
    "performance.md",
    "Eager pays its per-op dispatch for every op; the graph pays its overhead once per call "
    "and runs each op cheaply.",
    "Across the table, a straight line fitted through each column's medians rises less "
    "steeply for the graph than for eager: each added op costs the graph less.",
)
def test_each_added_op_costs_the_graph_less(output):
    table = sweep(output(SWEEP))
    sizes = list(table.medians)
    assert slope(sizes, table.column(1)) < slope(sizes, table.column(0))


@claim(
    "performance.md",
    "The crossover is read from the measured points, not from a fitted model: the last place "
    "where the graph goes from slower to faster, interpolated between the two neighbouring "
    "`n`.",
    "The same reading of each round on its own (every `n` is timed in several interleaved "
    "rounds) gives the range after it, which says how far the crossover moves from one "
    "measurement to the next on the same machine:",
)
def test_the_crossover_is_read_from_the_table(output):
    table = sweep(output(SWEEP))
    sizes = list(table.medians)
    after = table.after[1:]  # after the measurement time
    assert len(after) == 2
    for line, (i, mode) in zip(after, ((1, "tf.function"), (2, "tf.function + XLA")), strict=True):
        found = crossing(sizes, table.column(0), table.column(i))
        shown = re.fullmatch(
            rf"{re.escape(mode)} ({CROSSING}|does not overtake eager up to n = 100 ops)", line
        )
        assert shown, line
        assert (shown["n"] is None) == (found is None), line
        assert found is None or abs(int(shown["n"]) - found) <= 0.51, (line, found)
        assert found is None or int(shown["low"]) <= int(shown["high"]), line
    # At 100 ops the graph is faster, so it has a crossover.
    assert after[0].startswith("tf.function overtakes eager at n = ")


@claim(
    "performance.md",
    "Measure it on yours with the [notebook](notebooks/performance-benchmark.ipynb), which "
    "prints its crossover in the same form.",
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


# --- One big op ---------------------------------------------------------------------------

MATMUL_MODES = ["eager", "tf.function", "tf.function + XLA"]


@claim(
    "performance.md",
    "why one big op gains little from a graph;",
    "No mode is much faster than eager here: every speed-up in the table stays below 1.5x.",
    "Our measurement of the same product shows no such gain: one big op has nothing for a "
    "graph to remove or fuse.",
    "One big op gains little from a graph: its time is the kernel's own.",
)
def test_one_big_matmul_gains_little(output):
    times = table(output(MATMUL), MATMUL_MODES)
    for mode in MATMUL_MODES:
        assert times.speedup(mode) < 1.5, mode


@claim(
    "performance.md",
    "A single 1000x1000 matrix product spends nearly all its time inside one kernel.",
    "Next to the kernel's own time, both are small: on this build, each costs less than a "
    "tenth of the product run eagerly.",
)
def test_dispatch_and_call_are_small_next_to_the_product(output):
    product = table(output(MATMUL), MATMUL_MODES)
    call = table(output(CALL), CALL_MODES)
    assert product.unit == call.unit == "µs"
    eager = product.median("eager")
    assert call.median("one eager op") < 0.05 * eager  # "nearly all" in the kernel
    for mode in ("one eager op", "no-op tf.function"):  # the dispatch saved, the call added
        assert call.median(mode) < 0.1 * eager, mode


# --- A Keras training step ----------------------------------------------------------------


@claim(
    "performance.md",
    "That is where a graph helps most: the small model's step gains more from `tf.function` "
    "than any other function on this page, more than 2x, because its ops are cheap next to "
    "their dispatch.",
    "The medium model's step gains less, but more than 1.2x:",
    'Our training-step measurement is in that direction, and shows why "typical" hides the '
    "point: the speed-up depends on how small the ops are next to the per-op overhead.",
    "Small models gain the most.",
)
def test_training_step_gains_most_for_small_models(output):
    out = output(KERAS)
    assert [line for line in lines(out) if line.endswith(":")] == [
        "small MLP [32, 64, 64, 1], batch 64:",
        "medium MLP [256, 512, 512, 10], batch 256:",
    ]
    small, medium = tables(out)
    assert list(small.rows) == list(medium.rows) == MATMUL_MODES
    small_gain, medium_gain = small.speedup("tf.function"), medium.speedup("tf.function")
    assert small_gain > 2
    assert 1.2 < medium_gain < small_gain
    # Every other function's gain from a graph on this page: the graph modes
    # of each table over its first row, and the sweep's graphs at every n.
    others = [
        table(output(path), modes).speedup(mode)
        for path, modes in ((CALL, CALL_MODES), (TINY, TINY_MODES), (MATMUL, MATMUL_MODES))
        for mode in modes[1:]
    ]
    others += [
        eager / graph
        for eager, *graphs in sweep(output(SWEEP)).medians.values()
        for graph in graphs
    ]
    assert small_gain > max(others)


# --- The first call -----------------------------------------------------------------------

FIRST_ROWS = [
    ("tiny function", "tf.function"),
    ("tiny function", "+ XLA"),
    ("50-op chain", "tf.function"),
    ("50-op chain", "+ XLA"),
    ("Keras train step", ""),
]


@claim(
    "performance.md",
    "Every first call costs more than five times a cached call, and so does every retrace:",
)
def test_first_call_costs_more_than_five_cached_calls(output):
    out = output(FIRST)
    rows = first_calls(out)
    assert [(row["name"], row["label"]) for row in rows] == FIRST_ROWS
    assert all(int(row["ratio"]) > 5 for row in rows)
    retrace = line_matching(r"retrace \(new Python float\): (\d+)x a cached call", out)
    assert int(retrace[1]) > 5


@claim(
    "performance.md",
    "A Keras training step built from nothing costs the most: its first call also creates "
    "the optimizer's variables, and TensorFlow traces it twice.",
)
def test_a_keras_step_first_call_costs_the_most(output):
    rows = first_calls(output(FIRST))
    firsts = [float(row["first"]) for row in rows]
    assert rows[-1]["name"] == "Keras train step" and firsts[-1] == max(firsts)
    assert rows[-1]["traces"] == " (2 traces)"


@claim(
    "performance.md",
    "The first call of a `tf.function` traces it; with `jit_compile=True` it also compiles "
    "it with XLA.",
    "its compile time is paid on the first call of each signature.",
)
def test_an_xla_first_call_also_compiles(output):
    # Paid on the first call: the XLA rows' first call against their own
    # cached call. (Against the plain tf.function's first call it is not
    # always more: on 2.16 the 50-op chain's graph took longer to prepare.)
    rows = {(row["name"], row["label"]): row for row in first_calls(output(FIRST))}
    for name in ("tiny function", "50-op chain"):
        row = rows[name, "+ XLA"]
        assert float(row["first"]) * 1e3 > 5 * float(row["cached"]), name

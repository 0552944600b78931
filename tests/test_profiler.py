"""Claims docs/profiler.md makes about the trace its snippet writes."""

import re

from conftest import claim, line_matching, lines, recorded, run
from traced import provenance

SUMMARY = "snippets/profiler/profile_steps.py"
HOST = r"/host:CPU: TensorFlow ops on \d+ thread\(s\), [\d.]+ ms in all"
ROW = r"  (?P<type>_?[A-Z]\w*) +(?P<ms>\d+\.\d) +(?P<share>\d+)%"


def op_rows(out: str) -> list[re.Match]:
    """The host plane's op types, as the summary lists them under its header."""
    shown = lines(out)
    host = shown.index(line_matching(HOST, out).group(0))
    assert re.fullmatch(r"  op type +ms +share", shown[host + 1])
    rows = []
    for line in shown[host + 2 :]:
        match = re.fullmatch(ROW, line)
        if not match:
            break
        rows.append(match)
    return rows


@claim(
    "profiler.md",
    "The summary below is read from the trace this run wrote, by the helper further down:",
    "A trace is one protocol buffer file per host (`.xplane.pb`), the file TensorBoard's "
    "Profile tab reads.",
)
def test_summary_is_read_from_the_trace_by_the_helper(output):
    assert output("snippets/profiler/trace_summary.py") == ""  # the helper only defines
    assert "trace_summary.summarise(logdir" in run(SUMMARY).source
    shown = lines(output(SUMMARY))
    assert shown[0] == "trace file: plugins/profile/<run>/<host>.xplane.pb"


@claim(
    "profiler.md",
    "This page profiles a few steps while the site is built and summarises the trace that "
    "run wrote, so you can see what a trace holds before you open one of your own in "
    "TensorBoard.",
    "Naming each step with `tf.profiler.experimental.Trace` lets the tools line up the ops "
    "with your steps.",
)
def test_the_trace_holds_the_five_named_steps(output):
    out = output(SUMMARY)
    assert "for number in range(5):" in run(SUMMARY).source
    assert re.fullmatch(r"steps traced: 5, [\d.]+ ms each on average", lines(out)[1])
    assert re.fullmatch(HOST, lines(out)[2])


@claim(
    "profiler.md",
    "The step is four matrix products with a ReLU after each, so the products take most of "
    "the op time.",
    "The summary names op types as the trace does, by the kernel that ran:",
    "`MatMul` where TensorFlow's own kernel ran, but on some x86 CPUs oneDNN (TensorFlow's "
    "CPU math library, on by default) swaps in its own kernels with internal names that start "
    "with an underscore, such as `_MklMatMul` or a fused `_FusedMatMul`; the output above "
    "shows which one this build's CPU ran.",
    "They are the same matrix product; a tool that only counts public op names (`[A-Z]...`) "
    "would lose them, so this one counts every type.",
    "Read the top ops first: one op type often takes most of the time.",
)
def test_matrix_products_take_most_of_the_op_time(output):
    rows = op_rows(output(SUMMARY))
    times = [float(row["ms"]) for row in rows]
    assert times == sorted(times, reverse=True)  # the top op types, by time
    # A matrix-product kernel is the top op type, under TensorFlow's name
    # (`MatMul`) or the one oneDNN gives it on some CPUs (`_MklMatMul`,
    # `_FusedMatMul`, ...): the summary counts both.
    assert re.fullmatch(r"MatMul|_\w*MatMul", rows[0]["type"])
    assert int(rows[0]["share"]) > 50  # "most of the op time"


def built_on_gpu() -> bool:
    """Whether the outputs read came from a machine with a GPU: the record's
    environment, or this process's when the tests run the snippets."""
    data = recorded()
    return provenance.device_kind(data["environment"] if data else None) == "gpu"


@claim(
    "profiler.md",
    "On a CPU-only machine every op runs on the host's threads, and the trace has no device "
    "plane: the last line says so.",
    "On a machine with a GPU, the last line lists the trace's device planes instead, by the "
    "`/device:` prefix the profiler gives their names",
)
def test_the_last_line_names_the_device_planes(output):
    last = lines(output(SUMMARY))[-1]
    if built_on_gpu():
        assert re.fullmatch(r"device planes: /device:\S+(, /device:\S+)*", last)
    else:
        assert last == "device planes: none; every op ran on the host's CPU threads"

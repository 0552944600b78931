"""Claims docs/profiler.md makes about the trace its snippet writes."""

import re

from conftest import lines


def test_trace_helper_prints_nothing(output):
    assert output("snippets/profiler/trace_summary.py") == ""


def test_profile_summary_is_read_from_the_trace(output):
    out = output("snippets/profiler/profile_steps.py")
    shown = lines(out)
    assert shown[0] == "trace file: plugins/profile/<run>/<host>.xplane.pb"
    assert re.fullmatch(r"steps traced: 5, [\d.]+ ms each on average", shown[1])
    host = shown.index(next(line for line in shown if line.startswith("/host:CPU: ")))
    assert re.fullmatch(
        r"/host:CPU: TensorFlow ops on \d+ thread\(s\), [\d.]+ ms in all", shown[host]
    )
    assert re.fullmatch(r"  op type +ms +share", shown[host + 1])
    # Four matrix products dominate the step: a matrix-product kernel is the top
    # op type, under TensorFlow's name (`MatMul`) or the one oneDNN gives it on
    # some CPUs (`_MklMatMul`, `_FusedMatMul`, ...): the summary counts both.
    top = re.fullmatch(r"  (?:MatMul|_\w*MatMul) +[\d.]+ +(\d+)%", shown[host + 2])
    assert top and int(top.group(1)) > 80  # "nearly all"
    if not any(line.startswith("/device:") for line in shown):
        assert shown[-1] == "device planes: none; every op ran on the host's CPU threads"

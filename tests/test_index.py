"""docs/index.md: the home page shows no example of its own; what it says
about the site's outputs is checked on the chapters' outputs and the run
record they come from."""

import os
import re
import sys

import pytest

from conftest import ROOT, claim, lines, page_embeds, plain_run, recorded
from traced import catalog


def _in_order(expected: list[str], shown: list[str]) -> bool:
    """``expected`` is a subsequence of ``shown``."""
    rest = iter(shown)
    return all(line in rest for line in expected)


def _shown_outputs() -> dict[str, str]:
    """Every output a page shows (its "Eager" tab too), by record key."""
    data = recorded()
    if data is None:  # the environment: these claims read a whole run record
        pytest.skip("reads every output of a run record: give --record (nox -s tests does)")
    found = {}
    for fences in catalog.page_fences().values():
        for path, options in fences:
            keys = [path] + ([f"{path}#eager"] if options.get("compare") == "eager" else [])
            for key in keys:
                found[key] = data["snippets"][key]["output"]
    return found


@claim(
    "index.md",
    "TensorFlow 2 executes operations the moment Python reaches them (eager execution) until "
    "you wrap a function in `@tf.function`, which *traces* it into a graph and runs the graph "
    "instead.",
)
def test_eager_until_tf_function(output):
    out = output("snippets/eager/tensors_are_values.py")
    assert lines(out)[:4] == [
        "tf.Tensor(",  # the product, computed when Python reached tf.matmul
        "[[19. 22.]",
        " [43. 50.]], shape=(2, 2), dtype=float32)",
        "type:  EagerTensor",
    ]
    # Three calls: the Python body ran once (the trace), the graph three times.
    assert lines(output("snippets/tracing/trace_time_vs_run_time.py")) == [
        'print:    x = Tensor("x:0", shape=(), dtype=int32)',
        "tf.print: x = 1",
        "tf.print: x = 2",
        "tf.print: x = 3",
    ]


@claim("index.md", "Every output here is real")
@claim(
    "index.md",
    "When the site is built, every file is **run**, and the page shows its source followed by "
    "exactly what it printed: Python's `print`, `tf.print`, TensorFlow's own warnings and error "
    "messages.",
)
def test_every_output_is_what_its_file_printed(output):
    data = recorded()
    if data is None:  # the environment: this claim reads a whole run record
        pytest.skip("reads the run record: give --record (nox -s tests does)")
    for path in sorted({p for paths in page_embeds().values() for p in paths}):
        entry = data["snippets"][path]  # run at the source the page shows
        assert entry["digest"] == catalog.digest(ROOT, path), path
        assert not entry["error"], path  # and ran to its end
    # Run as `python file.py`: the page shows its stdout and stderr lines, each in order.
    for path in sorted(catalog.PLAIN_RUNS):
        plain, shown = plain_run(path), lines(output(path))
        assert plain.returncode == 0, path
        assert sorted(shown) == sorted(lines(plain.stdout) + lines(plain.stderr)), path
        assert _in_order(lines(plain.stdout), shown) and _in_order(lines(plain.stderr), shown)
    printed = plain_run("snippets/side_effects/print_vs_tf_print.py")
    assert lines(printed.stdout) and lines(printed.stderr)
    assert all(line.startswith("print sees: ") for line in lines(printed.stdout))
    assert all(line.startswith("tf.print sees: ") for line in lines(printed.stderr))
    warned = lines(output("snippets/retracing/retracing_warning.py"))
    assert re.fullmatch(r"WARNING:tensorflow:5 out of the last 5 calls to .*", warned[0])
    assert re.search(
        r"^InvalidArgumentError: cannot compute __inference_scale_… as input #0\(zero-based\) "
        r"was expected to be a float tensor but is a int32 tensor \[Op:__inference_scale_…\]$",
        output("snippets/tracing/concrete_function.py"),
        re.M,
    )


# What a published output never holds, and where the mask that replaced it shows.
NEVER_SHOWN = {
    "a memory address": re.compile(r"\b0x[0-9a-fA-F]{6,}\b"),
    "an object id": re.compile(r"\bid=\d{6,}"),
    "a graph function's serial number": re.compile(
        r"_inference_\w+?_\d+(?=__|\b)|\bwhile_(?:body|cond)_\d+\b"
    ),
    "an AutoGraph file's random name": re.compile(r"__autograph_generated_file(?!…)\w"),
    "a C++ log line": re.compile(
        r"^(?:[IWEF]\d{4} [\d:.]+ +\d+ [\w.]+:\d+\] |[\d-]+ [\d:.]+: [IWEF] [\w/.]+:\d+\] )",
        re.M,
    ),
    "absl's note on early log lines": re.compile(r"^WARNING: All log messages before absl", re.M),
    "a TensorFlow Lite INFO line": re.compile(r"^INFO: ", re.M),
}


@claim(
    "index.md",
    "These changes are made to outputs before they are published, and nothing else: absolute "
    "paths of the build machine are shortened to relative ones; stack traces start at the "
    "example's own file, as when you run it yourself; and values that differ on every run are "
    "shown as `…`: memory addresses (`0x…`), object ids (`id=…`, and the ids listed under a "
    "function's `Captures:`), the serial number in TensorFlow's graph function names "
    "(`__inference_f_…`, `while_body_…`) and the random part of AutoGraph's generated file "
    "names.",
    "TensorFlow's C++ log lines (timestamped `I…`/`W…` lines) are silenced with "
    "`TF_CPP_MIN_LOG_LEVEL=2`, and the few that some releases print before that setting takes "
    "effect are left out, as are TensorFlow Lite's `INFO:` lines and the error a CUDA build "
    "logs on a machine without a GPU (`failed call to cuInit`).",
)
def test_outputs_are_published_with_these_changes(output):
    machine = [str(ROOT), os.path.expanduser("~") + os.sep, sys.prefix + os.sep]
    for key, out in _shown_outputs().items():
        for what, pattern in NEVER_SHOWN.items():
            assert not pattern.search(out), f"{key} shows {what}"
        for path in machine:
            assert path not in out, f"{key} shows the build machine's path {path}"
        for trace in re.findall(r"\(most recent call last\):\n\s*(.*)", out):
            assert trace.startswith(f'File "{key.split("#")[0]}"'), key
    masks = {
        "snippets/retracing/retracing_warning.py": "<function shift at 0x…>",
        "snippets/side_effects/inaccessible_tensor.py": "FuncGraph(name=while_body_…, id=…)",
        "snippets/tracing/concrete_function.py": "[Op:__inference_scale_…]",
        "snippets/deployment/keras_export.py": "\n  …: TensorSpec(shape=(), dtype=tf.resource",
        "snippets/debugging/pdb_in_eager.py": "> <tmp>/__autograph_generated_file….py(",
        "snippets/debugging/graph_error_location.py": (
            '(most recent call last):\n  File "snippets/debugging/graph_error_location.py", '
            "line 11, in <module>\n"
        ),
    }
    for path, masked in masks.items():
        assert masked in output(path), path
    # Where `python file.py` was run too, the page shows the same lines: nothing else changed.
    for path in sorted(catalog.PLAIN_RUNS):
        plain = plain_run(path)
        printed = lines(plain.stdout) + lines(plain.stderr)
        assert sorted(lines(output(path))) == sorted(printed), path

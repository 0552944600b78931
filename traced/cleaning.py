"""Make captured output safe and stable to publish: one job, :func:`clean`.

What changes, and nothing else (the home page states the same list):
TensorFlow's C++ log lines written before ``TF_CPP_MIN_LOG_LEVEL`` takes
effect go, as does a CUDA build's report that it found no GPU; absolute
paths of the build machine become relative ones (a temporary directory
becomes ``<tmp>``); values that differ on every run are masked with ``…``;
stack traces start at the snippet's own frame.
"""

from __future__ import annotations

import os
import re
import site
import sys
import sysconfig
import tempfile
from pathlib import Path

from traced.catalog import ROOT  # the checkout: its absolute path never reaches a page

# Values that differ from run to run, masked so two builds give the same page:
# memory addresses, object ids, the process-wide serial number in graph
# function names, and the random names of AutoGraph's generated files.
VARYING = [
    (re.compile(r"\b0x[0-9a-fA-F]{6,}\b"), "0x…"),
    (re.compile(r"\bid=\d{6,}"), "id=…"),
    (re.compile(r"^(\s+)\d{12,}(?=: )", re.M), r"\1…"),  # ids of captured tensors
    (re.compile(r"(_inference_\w+?)_\d+(?=__|\b)"), r"\1_…"),
    (re.compile(r"\b(while_(?:body|cond))_\d+\b"), r"\1_…"),  # loop graphs' serials
    (re.compile(r"__autograph_generated_file\w+"), "__autograph_generated_file…"),
]

# TensorFlow's C++ INFO/WARNING lines, which TF_CPP_MIN_LOG_LEVEL=2 silences
# except those written before absl logging is initialised (the oneDNN notice
# at import, some releases' first v1 Session), with a timestamp and a thread
# id, and TensorFlow Lite's own "INFO: " lines (printed once per process).
CPP_LOG_LINE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called.*"
    r"|[IW]\d{4} [\d:.]+ +\d+ [\w.]+:\d+\] .*"
    r"|[\d-]+ [\d:.]+: [IW] [\w/.]+:\d+\] .*"
    r"|INFO: .*)\n",
    re.M,
)

# A CUDA build (tf-nightly is one) on a machine with no GPU logs an error
# when it first looks for one, with a source trace: a fact of the machine,
# not of the snippet. A CPU package never prints it.
NO_GPU_FOUND = re.compile(
    r"^E\d{4} [\d:.]+ +\d+ cuda_\w+\.cc:\d+\] failed call to cuInit: .*\n"
    r"(?:=== Source Location Trace: === ?\n(?:[\w/.]+:\d+\n)*\n?)?",
    re.M,
)


def clean(text: str, root: Path | None = None, snippet: str | None = None) -> str:
    """``text`` as a page may show it (see the module docstring)."""
    root = Path(root or ROOT)
    text = NO_GPU_FOUND.sub("", CPP_LOG_LINE.sub("", text))
    for prefix, replacement in _path_prefixes(root):
        text = text.replace(prefix, replacement)
    if snippet:
        text = _drop_frames_above(text, snippet)
    for pattern, replacement in VARYING:
        text = pattern.sub(replacement, text)
    # After the checkout's own paths: a clone may itself live under /tmp.
    tmp = re.escape(tempfile.gettempdir())
    text = re.sub(tmp + r"/tmp\w+", "<tmp>", text)  # mkdtemp's random names
    return re.sub(tmp + "/", "<tmp>/", text)


def _drop_frames_above(text: str, snippet: str) -> str:
    """In each stack trace ("... (most recent call last):"), drop the frames
    above the first one in ``snippet``: they belong to whatever ran it."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        out.append(lines[i])
        i += 1
        if not lines[i - 1].rstrip().endswith("(most recent call last):"):
            continue
        j = i  # frames are indented, separated at most by blank lines
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith(" ")):
            if lines[j].strip().startswith(f'File "{snippet}"'):
                i = j  # resume at the snippet's first frame
                break
            j += 1
    return "\n".join(out)


def _path_prefixes(root: Path) -> list[tuple[str, str]]:
    """Absolute prefixes of this machine, longest first, and what replaces them."""
    pairs = []
    for base in {root, ROOT}:
        pairs += [(str(base) + os.sep, ""), (str(base), ".")]
    for sp in [*site.getsitepackages(), site.getusersitepackages()]:
        pairs.append((sp + os.sep, "site-packages/"))
    for key in ("stdlib", "platstdlib"):
        pairs.append((sysconfig.get_paths()[key] + os.sep, "python/"))
    pairs.append((sys.prefix + os.sep, "<python>/"))
    pairs.append((os.path.expanduser("~") + os.sep, "~/"))
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)

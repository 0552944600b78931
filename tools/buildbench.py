"""How fast the site builds, against its floor: `nox -s buildbench`.

Prints three figures, measured in one run on this machine (never asserted in
a test: shared machines are noisy):

1. a cold `mkdocs build` (fresh run cache) against the floor: one TensorFlow
   import plus the sum of every snippet's and notebook's own run time, read
   from the same build's log. The benchmark notebook runs in its own kernel
   with its own TensorFlow import; that import is counted in the floor, as
   part of the notebook's run time.
2. a prose-only edit under `mkdocs serve`: seconds from saving the page to
   the rebuilt page being served;
3. a snippet edit under `mkdocs serve`: seconds until the page shows the new
   output, against that snippet's own run time; only it reruns.

Everything runs on a copy of the project in a temporary folder, with its
own cache, so the checkout is never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ["docs", "snippets", "overrides", "traced", "mkdocs.yml", "releases.toml"]
RAN = re.compile(r"traced: (\S+)(?: \(eager\))? ok in ([\d.]+) s")


def tensorflow_import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import tensorflow; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 600) -> float:
    began = time.perf_counter()
    while time.perf_counter() - began < limit:
        if text in fetch(url):
            return time.perf_counter() - began
        time.sleep(0.05)
    raise SystemExit(f"buildbench: {url} never showed {text!r} within {limit:.0f} s")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="buildbench-"))
    project = work / "project"
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            project.mkdir(exist_ok=True)
            shutil.copy(source, project / name)
    env = {
        **os.environ,
        "TRACED_CACHE_DIR": str(work / "cache"),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(project),  # the copy's glue, frozen while the bench runs
    }

    print("buildbench: TensorFlow import ...", flush=True)
    tf_import = tensorflow_import_seconds()

    print("buildbench: cold build ...", flush=True)
    began = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(work / "site")],
        cwd=project,
        env={**env, "TRACED_CACHE": "write"},
        capture_output=True,
        text=True,
    )
    cold = time.perf_counter() - began
    if build.returncode:
        raise SystemExit(build.stderr[-4000:])
    runs = [(path, float(seconds)) for path, seconds in RAN.findall(build.stderr)]
    compute = sum(seconds for _, seconds in runs)
    notebook = sum(seconds for path, seconds in runs if path.endswith(".ipynb"))
    floor = tf_import + compute

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**env, "TRACED_CACHE": "use"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        print("buildbench: first serve build (from the cache) ...", flush=True)
        first_serve = wait_for(f"{base}/eager/", "Eager execution")
        time.sleep(2)  # let the watcher settle

        print("buildbench: prose edit ...", flush=True)
        page = project / "docs" / "eager.md"
        page.write_text(page.read_text() + "\nBuildbench prose marker.\n")
        prose = wait_for(f"{base}/eager/", "Buildbench prose marker.")
        time.sleep(2)

        print("buildbench: snippet edit ...", flush=True)
        snippet = project / "snippets" / "eager" / "tensors_are_values.py"
        snippet.write_text(snippet.read_text() + '\nprint("buildbench snippet marker")\n')
        edit = wait_for(f"{base}/eager/", "buildbench snippet marker")
    finally:
        serve.terminate()
        log = serve.communicate(timeout=30)[1]
    all_reruns = RAN.findall(log)  # the first build and the prose edit ran nothing
    own = next((float(s) for p, s in all_reruns if p.endswith("tensors_are_values.py")), 0.0)
    shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"floor: TensorFlow import {tf_import:.1f} s + snippets' and notebook's own compute ")
    print(f"       {compute:.1f} s ({len(runs)} runs; the notebook {notebook:.1f} s of it, its")
    print(f"       kernel's own TensorFlow import included) = {floor:.1f} s")
    print(f"cold build:            {cold:6.1f} s  = {cold / floor:.2f}x the floor (target 1.3x)")
    print(f"serve, first build:    {first_serve:6.1f} s  (all from the cache)")
    print(f"serve, prose edit:     {prose:6.1f} s  (target 3 s)")
    print(
        f"serve, snippet edit:   {edit:6.1f} s  = its own run {own:.1f} s + {edit - own:.1f} s "
        f"(target 3 s); runs under serve: {len(all_reruns)} (only the edited snippet)"
    )


if __name__ == "__main__":
    main()

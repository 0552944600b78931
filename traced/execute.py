"""The run step: one job, running every snippet the pages show once, into
this build's run record (:mod:`traced.records`).

``python -m traced run`` plans the runs from the pages (each fenced snippet,
its Eager tab when the fence has ``compare="eager"``, the diagrams it asks
for) and from ``snippets/`` (every snippet, embedded or not), then:

1. runs the untimed snippets in parallel worker processes, one per core by
   default, each worker importing TensorFlow once and running its snippets
   one after another with the runner's isolation rules (and the own-process
   snippets in a new interpreter, as always), longest first by the last
   record;
2. runs the timed snippets (benchmarks) one at a time on one worker, with
   nothing else running beside them, so no published measurement is
   contended;
3. executes the notebooks, alone too (:mod:`traced.notebooks`);
4. writes the record (with the links of the pages' API names, resolved by
   a worker in the release it imported: :mod:`traced.api_links`), each
   chapter's notebook of recorded outputs (:mod:`traced.chapters`), and the
   generated "Tested on" page.

Pages then render from the record (:mod:`traced.fence`) and the claim tests
read it (``tests/conftest.py``). The author's run cache works here as it did
in the build: under ``TRACED_CACHE=use`` an unchanged snippet is read from it.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import queue
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from traced import (
    api_links,
    cache,
    catalog,
    chapters,
    diagram,
    fence_options,
    provenance,
    records,
    runner,
)

_log = logging.getLogger("mkdocs.plugins.traced")


@dataclass(frozen=True, order=True)
class Task:
    """One run a page needs: a snippet, as written or eagerly, and the graphs
    it must draw from its globals."""

    path: str
    eager: bool = False
    diagrams: tuple[str, ...] = ()
    timeout: float = runner.DEFAULT_TIMEOUT
    plain: bool = False
    """Run as ``python <snippet>``, stdout and stderr kept apart (catalog.PLAIN_RUNS)."""

    @property
    def key(self) -> str:
        return f"{self.path}#plain" if self.plain else records.snippet_key(self.path, self.eager)

    @property
    def timed(self) -> bool:
        return catalog.is_timed(self.path)

    @property
    def label(self) -> str:
        if self.plain:
            return f"{self.path} (python {Path(self.path).name})"
        return f"{self.path} (eager)" if self.eager else self.path


class PlanError(Exception):
    """Fences the run step will not run: each problem, one line naming the
    page and the snippet."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def plan(root: Path, docs: Path) -> list[Task]:
    """Every run the pages under ``docs`` need, plus one plain run of every
    snippet under ``root/snippets``. Every fence is checked first
    (:func:`traced.fence_options.parse`): any problem is a PlanError naming
    them all, before anything runs."""
    tasks, problems = _plan(root, docs)
    if problems:
        raise PlanError(problems)
    return tasks


def _plan(root: Path, docs: Path) -> tuple[list[Task], list[str]]:
    """The runs the good fences need, and one line per bad fence."""
    wanted: dict[str, Task] = {}
    problems: list[str] = []

    def add(task: Task) -> None:
        known = wanted.get(task.key)
        if known is not None:  # the same run on two pages: draw both's diagrams
            task = dataclasses.replace(
                task,
                diagrams=tuple(sorted(set(known.diagrams) | set(task.diagrams))),
                timeout=max(known.timeout, task.timeout),
            )
        wanted[task.key] = task

    for page, fences in catalog.page_fences(docs).items():
        for path, options in fences:
            try:
                spec = fence_options.parse(root, path, options)
            except fence_options.FenceError as error:
                problems.append(f"docs/{page}: snippet {path}: {error}")
                continue
            add(Task(path, False, tuple(sorted(spec["diagrams"])), spec["timeout"]))
            if spec["compare"]:
                add(Task(path, True, (), spec["timeout"]))
    if (root / "snippets").is_dir():
        for path in catalog.all_snippets(root):
            add(Task(path))
            if path in catalog.PLAIN_RUNS:
                add(Task(path, plain=True))
    return sorted(wanted.values()), problems


def _entry(task: Task, root: Path, **fields) -> dict:
    """A record entry for ``task`` (:func:`traced.records.entry`)."""
    return records.entry(catalog.digest(root, task.path), task.timed, **fields)


def perform(task: Task, root: Path) -> dict:
    """Run ``task`` in this process (a worker, or ``serve`` rerunning an
    edited snippet): its record entry. The author's cache answers first when
    ``TRACED_CACHE=use``; a good run is stored in it."""
    if task.plain:
        return _plain_run(task, root)
    cache_key = cache.key(root, task.path, eager=task.eager, diagrams=task.diagrams)
    stored = cache.load(cache_key)
    if stored is not None:
        return _entry(
            task,
            root,
            output=stored.output,
            figures=stored.figures,
            diagrams=stored.diagrams,
            seconds=stored.seconds,
            from_cache=True,
        )
    run = runner.run_snippet(task.path, root=root, eager=task.eager, timeout=task.timeout)
    drawn, failed = {}, {}
    if run.ok:
        for name in task.diagrams:
            try:
                drawn[name] = _draw(run, name, task.path)
            except diagram.DiagramError as error:
                failed[name] = str(error)
    entry = _entry(
        task,
        root,
        output=run.output,
        error=run.error,
        figures=run.figures,
        diagrams=drawn,
        diagram_errors=failed,
        seconds=round(run.seconds, 3),
    )
    if run.ok and not failed:
        stored = cache.Entry(
            path=task.path,
            eager=task.eager,
            output=run.output,
            figures=run.figures,
            diagrams=drawn,
            seconds=run.seconds,
            created=cache.now(),
        )
        cache.save(cache_key, stored)
    return entry


def _plain_run(task: Task, root: Path) -> dict:
    """``python <snippet>`` in a new interpreter, as a reader runs it, with
    stdout and stderr apart (cleaned like every output)."""
    from traced.cleaning import clean

    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, task.path],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"},
        timeout=task.timeout,
        check=False,
    )
    return _entry(
        task,
        root,
        stdout=clean(done.stdout, root, snippet=task.path),
        stderr=clean(done.stderr, root, snippet=task.path),
        returncode=done.returncode,
        seconds=round(time.perf_counter() - began, 3),
    )


def _draw(run: runner.SnippetRun, name: str, path: str) -> str:
    if name not in run.namespace:
        raise diagram.DiagramError(f"diagram: the snippet defines no global `{name}` to draw")
    title = f"The graph of {name} in {path}, drawn at build time"
    try:
        return diagram.svg(run.namespace[name], title)
    except (TypeError, ValueError) as error:
        raise diagram.DiagramError(f"diagram `{name}`: {error}") from None


# --- Worker processes -------------------------------------------------------------------


def _work(inbox, outbox, root: str, switches: dict, api_names: list[str]) -> None:
    """A worker: import TensorFlow once, then run tasks until told to stop;
    told ``"describe"``, say what it runs on and which of the pages' API
    names resolve in it (Keras imported then, after the diagrams that can
    fail the step early have run)."""
    os.environ.update(switches)
    runner.prepare()
    while (task := inbox.get()) is not None:
        if task == "describe":
            outbox.put(("environment", os.getpid(), provenance.environment()))
            outbox.put(("api", os.getpid(), api_links.resolve(api_names)))
            continue
        outbox.put(("done", os.getpid(), perform(task, Path(root))))


@dataclass
class _Worker:
    process: multiprocessing.Process
    inbox: object
    task: Task | None = None
    began: float = 0.0


@dataclass
class _Pool:
    """Long-lived workers, each handed one task at a time."""

    size: int
    root: Path
    api_names: list[str] = field(default_factory=list)
    environment: dict | None = None
    api: dict | None = None
    workers: list[_Worker] = field(default_factory=list)
    described: bool = False

    def __post_init__(self) -> None:
        self.context = multiprocessing.get_context("spawn")  # never fork TensorFlow's threads
        self.results = self.context.Queue()
        self.workers = [self._start() for _ in range(self.size)]

    def _start(self) -> _Worker:
        inbox = self.context.Queue()
        switches = {name: os.environ[name] for name in cache.SWITCHES if name in os.environ}
        process = self.context.Process(
            target=_work,
            args=(inbox, self.results, str(self.root), switches, self.api_names),
            daemon=True,
            name="traced-worker",
        )
        process.start()
        return _Worker(process, inbox)

    def run(self, tasks: list[Task], entries: dict[str, dict], stats: cache.Stats) -> None:
        todo = list(tasks)
        while todo or any(w.task for w in self.workers):
            for worker in self.workers:
                if worker.task is None and todo:
                    worker.task, worker.began = todo.pop(0), time.perf_counter()
                    worker.inbox.put(worker.task)
                    _log.info("traced: running %s", worker.task.label)
            try:
                kind, pid, payload = self.results.get(timeout=0.5)
            except queue.Empty:
                self._replace_the_dead(entries, stats)
                continue
            if kind == "environment":
                self.environment = self.environment or payload
                continue
            if kind == "api":
                self.api = payload if self.api is None else self.api
                continue
            worker = next(w for w in self.workers if w.process.pid == pid)
            entries[worker.task.key] = payload
            _report(worker.task, payload, stats)
            worker.task = None

    def _replace_the_dead(self, entries: dict[str, dict], stats: cache.Stats) -> None:
        for worker in list(self.workers):
            if worker.process.is_alive():
                continue
            if worker.task is not None:
                entries[worker.task.key] = _entry(
                    worker.task,
                    self.root,
                    error=f"the run step's worker process ended (exit status "
                    f"{worker.process.exitcode}) while running {worker.task.path}",
                    seconds=round(time.perf_counter() - worker.began, 3),
                )
                _report(worker.task, entries[worker.task.key], stats)
            self.workers.remove(worker)
            self.workers.append(self._start())
            if self.described and (self.environment is None or self.api is None):
                self.workers[-1].inbox.put("describe")

    def describe(self) -> None:
        """Ask one worker for the environment and the API links."""
        self.described = True
        self.workers[0].inbox.put("describe")

    def shrink(self, size: int) -> None:
        while len(self.workers) > size:
            self._stop(self.workers.pop())

    def close(self) -> None:
        self.shrink(0)

    def kill(self) -> None:
        for worker in self.workers:
            worker.process.kill()
        self.workers.clear()

    @staticmethod
    def _stop(worker: _Worker) -> None:
        worker.inbox.put(None)
        worker.process.join(timeout=30)
        if worker.process.is_alive():
            worker.process.kill()


def _report(task: Task, entry: dict, stats: cache.Stats) -> None:
    if entry["from_cache"]:
        stats.cached += 1
        _log.info("traced: %s from cache", task.label)
        return
    stats.ran += 1
    stats.seconds += entry["seconds"]
    status = "ok" if entry["error"] is None and not entry["diagram_errors"] else "FAILED"
    alone = " (alone)" if task.timed else ""
    _log.info("traced: %s %s in %.1f s%s", task.label, status, entry["seconds"], alone)


def _diagram_problems(drawing: list[Task], entries: dict[str, dict], docs: Path) -> list[str]:
    """The diagrams the pages ask for that could not be drawn, one line each
    naming the pages that ask for it and the snippet."""
    asking: dict[tuple[str, str], list[str]] = {}  # (snippet, name) -> pages
    for page, fences in catalog.page_fences(docs).items():
        for path, options in fences:
            for name in options.get("diagram", "").split():
                asking.setdefault((path, name), []).append(f"docs/{page}")
    problems = []
    for task in drawing:
        entry = entries.get(task.key, {})
        pages = sorted({p for name in task.diagrams for p in asking.get((task.path, name), [])})
        if entry.get("error"):
            last = entry["error"].strip().splitlines()[-1]
            problems.append(f"{', '.join(pages)}: snippet {task.path}: raised {last}")
        for name, error in sorted(entry.get("diagram_errors", {}).items()):
            where = ", ".join(dict.fromkeys(asking.get((task.path, name), pages)))
            problems.append(f"{where}: snippet {task.path}: {error}")
    return problems


def _previous_seconds(record_file: Path) -> dict[str, float]:
    """How long each run took last time, to start the longest first."""
    try:
        snippets = records.read(record_file)["snippets"]
    except records.RecordError:
        return {}
    return {key: entry.get("seconds", 0.0) for key, entry in snippets.items()}


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def run(
    record_file: Path,
    root: Path = catalog.ROOT,
    docs: Path | None = None,
    *,
    workers: int | None = None,
    notebooks_too: bool = True,
    only: list[str] | None = None,
) -> dict:
    """Run everything the pages under ``docs`` show, write the record to
    ``record_file`` and return it. ``workers``: how many worker processes run
    the untimed snippets (one per core by default); 0 runs everything in this
    process, one after another. ``only``: run just these snippets (all their
    runs) and put them into the record already in ``record_file``, whose
    claims are then to be run again (an author's shortcut; nothing is
    published from such a record without a full run)."""
    from traced import notebooks  # nbclient: only where notebooks are executed

    root = root.resolve()
    docs = docs or root / "docs"
    began = time.perf_counter()
    stats = cache.Stats()
    tasks, bad_fences = _plan(root, docs)
    previous = _previous_seconds(record_file)
    kept: dict[str, dict] = {}
    if only is not None:
        unknown = sorted(set(only) - {t.path for t in tasks})
        if unknown:
            raise PlanError([f"--only {p}: no page or snippets/ file runs it" for p in unknown])
        before = records.read(record_file)
        kept = before["snippets"]
        tasks = [t for t in tasks if t.path in only]
        notebooks_too = False

    def expected(task: Task) -> float:
        # Last record's time; without one, a new interpreter's start (and its
        # TensorFlow import) makes a snippet that runs in its own process, or
        # starts one (saved_model_cli), the longest.
        if task.key in previous:
            return previous[task.key]
        starts = "import subprocess" in (root / task.path).read_text(encoding="utf-8")
        own = starts or task.plain or catalog.runs_in_own_process(task.path)
        return 10.0 if own else 1.0

    # Runs that draw diagrams go first: a diagram of something that is not
    # a graph is then known in seconds, and the step stops before the rest.
    untimed = sorted(
        (t for t in tasks if not t.timed), key=lambda t: (not t.diagrams, -expected(t), t)
    )
    drawing = [t for t in untimed if t.diagrams]
    untimed = [t for t in untimed if not t.diagrams]
    timed = [t for t in tasks if t.timed]
    size = default_workers() if workers is None else workers
    _log.info(
        "traced: %d runs planned: %d untimed on %d workers, then %d timed one at a time",
        len(tasks),
        len(untimed) + len(drawing),
        size,
        len(timed),
    )
    entries: dict[str, dict] = {}
    phases = {}
    api_names = api_links.names_in(docs)

    def stop_on_bad_fences() -> None:
        """Every bad fence, the diagrams that could not be drawn among them."""
        problems = bad_fences + _diagram_problems(drawing, entries, docs)
        if problems:
            raise PlanError(problems)

    if size == 0:  # in this process, one run after another (a test's fixture site)
        runner.prepare()
        for phase, batch in (("drawing", drawing), ("untimed", untimed), ("timed", timed)):
            mark = time.perf_counter()
            for task in batch:
                _log.info("traced: running %s", task.label)
                entries[task.key] = perform(task, root)
                _report(task, entries[task.key], stats)
            if phase == "drawing":
                stop_on_bad_fences()
            phases[phase] = time.perf_counter() - mark
        environment = provenance.environment()
        api = api_links.resolve(api_names)
    else:
        pool = _Pool(size, root, api_names)
        try:
            pool.run(drawing, entries, stats)
            try:
                stop_on_bad_fences()
            except PlanError:
                pool.kill()  # fail fast: no waiting for workers mid-import
                raise
            pool.describe()
            pool.run(untimed, entries, stats)
            phases["untimed"] = time.perf_counter() - began
            pool.shrink(1)  # timed snippets: nothing else running beside them
            pool.run(timed, entries, stats)
            phases["timed"] = time.perf_counter() - began - phases["untimed"]
            while pool.environment is None or pool.api is None:  # no task at all
                kind, _, payload = pool.results.get(timeout=600)
                if kind == "environment":
                    pool.environment = pool.environment or payload
                elif kind == "api":
                    pool.api = payload if pool.api is None else pool.api
        finally:
            pool.close()
        environment, api = pool.environment, pool.api
    provenance.adopt(environment)
    mark = time.perf_counter()
    ran_notebooks = notebooks.execute_all(root, docs, stats) if notebooks_too else {}
    phases["notebooks"] = time.perf_counter() - mark
    if only is not None:  # the rest as the record already held it
        entries = {**kept, **entries}
        ran_notebooks = before.get("notebooks", {})
    record = records.new(provenance.environment(), entries, notebooks=ran_notebooks, api=api)
    records.write(record_file, record)
    if notebooks_too and docs.is_dir():  # the pages' downloads, with the notebooks
        chapters.write(docs, record, root)
    failed = sorted(
        key for key, e in entries.items() if e["error"] is not None or e["diagram_errors"]
    )
    failed += sorted(name for name, n in ran_notebooks.items() if n["error"] is not None)
    _log.info(
        "traced: %d runs: %d run (%.1f s), %d from cache, %d failed; run step %.1f s "
        "(untimed on %d workers %.1f s, timed alone %.1f s, notebooks alone %.1f s); "
        "record written to %s",
        stats.ran + stats.cached,
        stats.ran,
        stats.seconds,
        stats.cached,
        len(failed),
        time.perf_counter() - began,
        size,
        phases["untimed"],
        phases["timed"],
        phases["notebooks"],
        records.shown(record_file),
    )
    for key in failed:
        _log.warning("traced: %s failed: the page that shows it will not build", key)
    return record

"""``python -m traced``: the steps the nox sessions call, one command each.

- ``run``: run every snippet the pages show, and the notebooks, once, into
  this build's run record (:mod:`traced.execute`); then write the "Tested on"
  page;
- ``tested-on``: write the generated "Tested on" page from ``results/``
  (after the claim tests have added their outcomes to the record);
- ``where``: print the path of this build's run record;
- ``sentences``: per page, how many sentences tests bind, and the
  sentences that read like a fact about an output and are bound by none
  (:mod:`traced.claims`);
- ``mutate``: change every output the pages show, run the claims that read
  it, and say which changes no claim caught (:mod:`traced.mutate`);
- ``llms``: write ``llms.txt``, ``llms-full.txt`` and each page's Markdown
  copy, outputs from this build's record, into a rendered site
  (:mod:`traced.llms`);
- ``evidence``: fail, naming what is missing, unless ``results/`` holds a
  complete, checked record of every supported release (CI's docs job).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from traced import catalog, records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m traced", description=__doc__.split("\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    run = steps.add_parser("run", help="run every snippet once into the run record")
    run.add_argument("--quick", action="store_true", help="short benchmarks (TRACED_QUICK=1)")
    run.add_argument(
        "--workers", type=int, default=None, help="untimed runs in parallel (0: in this process)"
    )
    run.add_argument("--root", type=Path, default=catalog.ROOT, help="the project (fixtures)")
    run.add_argument("--record", type=Path, default=None, help="where to write the record")
    run.add_argument(
        "--only",
        nargs="+",
        default=None,
        metavar="SNIPPET",
        help="run just these snippets into the existing record (authors; claims to rerun)",
    )
    run.add_argument(
        "--no-pages", action="store_true", help="no notebooks, no Tested on page (fixture sites)"
    )
    tested = steps.add_parser("tested-on", help="write docs/tested-on.md from results/")
    tested.add_argument("--docs", type=Path, default=catalog.DOCS, help="where to write it")
    steps.add_parser("where", help="print this build's record path")
    llms = steps.add_parser("llms", help="llms.txt and Markdown copies into a rendered site")
    llms.add_argument("site", type=Path, help="the rendered site's folder")
    sentences = steps.add_parser("sentences", help="bound and unbound sentences, per page")
    sentences.add_argument("--unbound", action="store_true", help="list the unbound ones")
    mutate = steps.add_parser("mutate", help="which output changes no claim catches")
    mutate.add_argument(
        "--record", type=Path, default=None, help="the record (default: this build's)"
    )
    mutate.add_argument("--page", default=None, help="only this page's outputs (eager.md)")
    mutate.add_argument("pytest_args", nargs="*", help="passed to pytest (after --)")
    evidence = steps.add_parser(
        "evidence", help="fail unless results/ holds a checked record of every release"
    )
    evidence.add_argument("--every-release", action="store_true", required=True)
    evidence.add_argument(
        "--gpu-job", default="skipped", help="the GPU job's result: `success` requires its record"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    if args.step == "where":
        print(records.shown(records.current_path()))
        return 0
    if args.step == "evidence":
        problems = records.missing_evidence(records.results_dir(), args.gpu_job == "success")
        for problem in problems:
            print(f"traced: evidence: {problem}", file=sys.stderr)
        if not problems:
            where = records.shown(records.results_dir())
            print(f"traced: evidence: a checked record of every release in {where}")
        return 1 if problems else 0
    if args.step == "llms":
        from traced import llms as assistants

        try:
            data = records.read(records.current_path())
        except records.RecordError as error:
            print(f"traced: llms: {error}", file=sys.stderr)
            return 1
        written = assistants.write(args.site, data)
        print(f"traced: wrote llms.txt, llms-full.txt and {len(written) - 2} page copies")
        return 0
    if args.step == "sentences":
        return _sentences(args.unbound)
    if args.step == "mutate":
        from traced import mutate as mutation

        record = args.record or records.current_path()
        return mutation.run(record, args.pytest_args, page=args.page)
    if args.step == "tested-on":
        return _tested_on(args.docs)
    if args.quick:
        os.environ["TRACED_QUICK"] = "1"
    from traced import execute

    record_file = args.record or records.current_path()
    try:
        execute.run(
            record_file,
            args.root,
            workers=args.workers,
            notebooks_too=not args.no_pages,
            only=args.only,
        )
    except execute.PlanError as error:
        for problem in error.problems:
            print(f"traced: {problem}", file=sys.stderr)
        print(
            f"traced: run step stopped: {len(error.problems)} fence problem(s) above; "
            "nothing was recorded",
            file=sys.stderr,
        )
        return 1
    return 0 if args.no_pages or args.only else _tested_on(args.root / "docs")


def _sentences(listing: bool) -> int:
    from traced import claims

    report = claims.report()
    for page, counts in report.items():
        print(
            f"{page:<24} {counts['bound']:>3} sentences bound, "
            f"{len(counts['unbound']):>3} fact-like sentences unbound"
        )
        for sentence in counts["unbound"] if listing else []:
            print(f"    {sentence}")
    total = sum(c["bound"] for c in report.values())
    print(f"{'all pages':<24} {total:>3} sentences bound")
    return 0


def _tested_on(docs: Path) -> int:
    from traced import tested_on

    try:
        target = tested_on.write(docs)
    except records.RecordError as error:
        print(f"traced: tested-on: {error}", file=sys.stderr)
        return 1
    print(f"traced: wrote {records.shown(target)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""pytest's command-line options for the test suite (tests/conftest.py reads them).

Options must be declared in a conftest pytest loads before it parses the
command line: this one, at the root.
"""


def pytest_addoption(parser):
    group = parser.getgroup("traced")
    group.addoption(
        "--record",
        default=None,
        help="the run record to read outputs from (`python -m traced run` writes it); "
        "without it, tests run the snippets they read themselves",
    )
    group.addoption(
        "--claims",
        action="store_true",
        help="only the pages' claims (tests/test_<page>.py), not the pipeline's own tests",
    )
    group.addoption(
        "--mutate",
        default=None,
        choices=("drop-last", "reverse", "numbers"),
        help="run each claim once per output it read, with that output changed this way "
        "(python -m traced mutate drives it); the record is not written",
    )
    group.addoption(
        "--mutate-report",
        default=None,
        help="write each test's outcome and the outputs it read here (JSON), "
        "instead of into the record",
    )
    group.addoption(
        "--mutate-checks",
        default=None,
        help="with --mutate: the report of an unchanged run, saying which test read which output",
    )

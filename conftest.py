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

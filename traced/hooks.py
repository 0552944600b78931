"""MkDocs hooks: everything a site needs to run snippets.

- register the ``snippet`` fence (see :mod:`traced.fence`), so a site only
  lists this file under ``hooks:`` besides markdown-exec and superfences;
- resolve snippet paths against the folder of ``mkdocs.yml``;
- stamp every page that runs snippets with what produced its outputs.
"""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path

from traced import fence, runner


def on_config(config, **_):
    fence.root = Path(config.config_file_path).resolve().parent
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(f.get("name") == "snippet" for f in fences):
        fences.append(
            {
                "name": "snippet",
                "class": "snippet",
                "validator": fence.validator,
                "format": fence.formatter,
            }
        )
    return config


def on_pre_build(config, **_):
    fence.forget_runs()  # `mkdocs serve` rebuilds rerun every snippet


def on_page_markdown(markdown: str, page, **_):
    if not fence.embedded_paths(markdown):
        return markdown
    lines = markdown.splitlines()
    # Right under the page title, so a reader sees it before any output.
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    lines[at:at] = ["", provenance_line(), ""]
    return "\n".join(lines)


def provenance_line() -> str:
    env = runner.environment()
    return (
        '<p class="traced-provenance" markdown>Every output on this page was produced when '
        f"the site was built on {build_date()}, by TensorFlow {env['tensorflow']}, "
        f"Keras {env['keras']} and Python {env['python']} on {env['device']}.</p>"
    )


def build_date() -> str:
    """Today in UTC, or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = float(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).date().isoformat()

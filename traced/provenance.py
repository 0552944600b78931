"""What produced the outputs: one job, describing this build's environment.

The provenance line under each page title, the run cache's key and the
release records all describe the environment the same way, through
:func:`environment`.
"""

from __future__ import annotations

import datetime
import functools
import os
import time

_adopted: dict[str, str] = {}


def adopt(env: dict[str, str]) -> None:
    """Describe this process by ``env``, measured in another (a run step's
    worker): a process that only coordinates never imports TensorFlow."""
    _adopted.clear()
    _adopted.update(env)


def environment() -> dict[str, str]:
    """TensorFlow, Keras and Python versions, and the device TensorFlow computes on."""
    return dict(_adopted) if _adopted else _measured()


@functools.cache
def _measured() -> dict[str, str]:
    import platform

    import keras
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        details = tf.config.experimental.get_device_details(gpus[0])
        device = f"GPU ({details.get('device_name', gpus[0].name)})"
    else:
        device = f"CPU ({platform.machine()})"
    return {
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "python": platform.python_version(),
        "device": device,
        "platform": platform.platform(terse=True),
    }


def release(env: dict[str, str] | None = None) -> str:
    """The TensorFlow release line of ``env`` (this build's by default), as
    rows name it: ``2.21``."""
    return ".".join((env or environment())["tensorflow"].split(".")[:2])


def device_kind(env: dict[str, str] | None = None) -> str:
    """``cpu`` or ``gpu``: what the release records are named by."""
    return "gpu" if (env or environment())["device"].startswith("GPU") else "cpu"


def build_date() -> str:
    """Today in UTC, or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = float(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).date().isoformat()


def source_url(path: str, line: int | None = None) -> str | None:
    """A file of the checkout in the repository, at the commit that built the
    page (``TRACED_REPO_URL``, ``TRACED_REPO_REF``; CI sets them), or None
    where no repository is known."""
    repo = os.environ.get("TRACED_REPO_URL", "").rstrip("/")
    if not repo:
        return None
    ref = os.environ.get("TRACED_REPO_REF", "main")
    return f"{repo}/blob/{ref}/{path}" + (f"#L{line}" if line else "")

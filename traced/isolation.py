"""Undo what one snippet could leak into the next: one job, :func:`reset`.

All snippets of a build (and of a test worker) share one interpreter. Keras
name counters (``dense``, ``dense_1``), eager-mode switches, check_numerics,
random state, TensorFlow's retracing-warning history and helper modules
imported from a snippet's folder would otherwise carry over, and a page's
output would depend on which snippet ran before it; the README promises
it does not (Writing a page: rules the tests enforce).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path


def reset() -> None:
    """Global state back to what a fresh interpreter has.

    Random generators go back to unseeded: a snippet whose output depends on
    randomness seeds it itself.
    """
    random.seed()
    modules = sys.modules
    if "numpy" in modules:
        modules["numpy"].random.seed()
    if "tensorflow" in modules:
        tf = modules["tensorflow"]
        tf.config.run_functions_eagerly(False)
        tf.debugging.disable_check_numerics()
        tf.random.set_seed(None)
        forget_retracing_history()
    if "keras" in modules:
        modules["keras"].backend.clear_session()


def forget_modules_from(folder: Path) -> None:
    """Unload helpers a snippet imported from its own folder (``bench``), so
    the next snippet imports them afresh, as a plain run would."""
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        if origin and Path(origin).parent == folder:
            del sys.modules[name]


def forget_retracing_history() -> None:
    """Reset the counts behind TensorFlow's "triggered tf.function retracing"
    warning.

    TensorFlow keeps them per code object for the whole process, and a file
    run twice compiles to equal code objects, so a second run would inherit
    the first one's retraces. There is no public way to reset them: this uses
    TensorFlow's private module, and the isolation tests fail if a release
    moves it.
    """
    from tensorflow.python.eager.polymorphic_function import polymorphic_function

    polymorphic_function._frequent_tracing_detector_manager = (
        polymorphic_function._FrequentTracingDetectorManager()
    )

"""Timing helpers for the performance examples (imported by each of them).

Method: each mode's first call is timed on its own (it traces, and with XLA
compiles); then the modes run in interleaved rounds, in a different order
each round, so drift on a shared machine hits all of them alike. Each round
times a batch of calls; we report the median time per call and the
interquartile range (IQR) over rounds.
"""

import os
import platform
import statistics
import time

import tensorflow as tf

QUICK = os.environ.get("TRACED_QUICK") == "1"  # shorter runs, for the tests


def machine():
    cpu = platform.machine()
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo") as info:
            names = [
                line.split(":")[1].strip()
                for line in info
                if "model name" in line
            ]
        cpu = names[0] if names else cpu
    gpus = tf.config.list_physical_devices("GPU")
    device = f"GPU {gpus[0].name}" if gpus else "CPU"
    return f"{cpu}, {os.cpu_count()} cores, TF {tf.__version__} on {device}"


def sync():
    """Wait for queued device work (GPU ops run asynchronously)."""
    if hasattr(tf.test.experimental, "sync_devices"):
        tf.test.experimental.sync_devices()


class Stats(dict):
    """{mode: (median, q1, q3, first call)} in seconds, the time taken, and
    ``samples``: {mode: [seconds per call, one per round]}."""

    seconds = 0.0
    samples = None


def compare(modes, calls, rounds):
    """Time each mode: a Stats of seconds per call."""
    began = time.perf_counter()
    if QUICK:
        calls, rounds = max(2, calls // 5), max(5, rounds // 2)
    first = {}
    for name, fn in modes.items():
        start = time.perf_counter()
        fn()
        sync()
        first[name] = time.perf_counter() - start
    samples = {name: [] for name in modes}
    names = list(modes)
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            start = time.perf_counter()
            for _ in range(calls):
                modes[name]()
            sync()
            samples[name].append((time.perf_counter() - start) / calls)
    stats = Stats()
    for name, values in samples.items():
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        stats[name] = (median, q1, q3, first[name])
    stats.seconds = time.perf_counter() - began
    stats.samples = samples
    return stats


def report(stats, baseline, traced_before=(), unit="µs"):
    """A table: median time per call (in ``unit``, µs or ms), IQR, speed-up
    over baseline, first call.

    Modes in ``traced_before`` were traced before the measurement started
    (by get_concrete_function, say): their first call is not a trace, and
    the table says so instead of showing it.
    """
    scale = {"µs": 1e6, "ms": 1e3}[unit]
    base = stats[baseline][0]
    columns = [f"{unit}/call", "IQR", "speed-up", "first call"]
    widths = (11, 9, 13)
    print(
        f"{'mode':24}{columns[0]:>9}",
        *(f"{name:>{width}}" for name, width in zip(columns[1:], widths)),
    )
    for name, (median, q1, q3, first) in stats.items():
        iqr = f"{q1 * scale:.0f}-{q3 * scale:.0f}"
        speedup = f"{base / median:.2f}x"
        shown = f"{first * 1e3:.1f} ms"
        if name in traced_before:
            shown = "traced before"
        print(
            # A space before each column even when a value outgrows its width.
            f"{name:24}{median * scale:9.1f} {iqr:>11} {speedup:>9} {shown:>13}"
        )
    print(f"(measured in {stats.seconds:.1f} s)")


def per(stats, count, what, unit="µs"):
    """Median time per item when each call handles ``count`` of them (steps
    of an epoch, elements of a pass): printed, and returned by mode."""
    scale = {"µs": 1e6, "ms": 1e3}[unit]
    digits = 0 if unit == "µs" else 1
    times = {name: s[0] / count * scale for name, s in stats.items()}
    for name, value in times.items():
        print(f"{name}: {value:.{digits}f} {unit} per {what}")
    return times


def crossing(sizes, baseline, other):
    """The size from which ``other`` stays faster than ``baseline``, read
    from the measured points: the last pair of neighbouring sizes where
    ``other`` goes from slower (or equal) to faster, interpolated linearly
    between them. ``sizes[0]`` if it is faster throughout; None if it is
    not faster at the largest size."""
    ahead = [b - o for b, o in zip(baseline, other)]  # > 0: other is faster
    if ahead[-1] <= 0:
        return None
    behind = [i for i, a in enumerate(ahead) if a <= 0]
    if not behind:
        return sizes[0]
    i = behind[-1]
    return sizes[i] + (sizes[i + 1] - sizes[i]) * -ahead[i] / (
        ahead[i + 1] - ahead[i]
    )


def report_crossing(sizes, sweep, mode, baseline="eager", what="ops"):
    """Print where ``mode`` overtakes ``baseline`` in ``sweep`` (one Stats per
    size, from compare): from the medians, and from each round on its own,
    which says how far the point moves between measurements."""
    medians = {m: [stats[m][0] for stats in sweep] for m in (mode, baseline)}
    found = crossing(sizes, medians[baseline], medians[mode])
    if found is None:
        print(
            f"{mode} does not overtake {baseline} up to n = {sizes[-1]} {what}"
        )
        return None
    rounds = len(sweep[0].samples[mode])
    each = [
        crossing(
            sizes,
            [stats.samples[baseline][r] for stats in sweep],
            [stats.samples[mode][r] for stats in sweep],
        )
        for r in range(rounds)
    ]
    seen = sorted(n for n in each if n is not None)
    spread = f"{seen[0]:.0f}-{seen[-1]:.0f}" if seen else "none"
    missing = rounds - len(seen)
    print(
        f"{mode} overtakes {baseline} at n = {found:.0f} {what}"
        f" (single rounds: {spread}"
        + (
            f"; {missing} of {rounds} rounds never"
            if missing
            else f", {rounds} rounds"
        )
        + ")"
    )
    return found

import statistics
import time

import tensorflow as tf

import bench

x = tf.ones([1000])


def tiny(x, k=1.0):
    return x * 2.0 + k


def chain50(x):
    for _ in range(50):
        x = tf.sin(x)
    return x


def seconds(call, *args):
    start = time.perf_counter()
    call(*args)
    bench.sync()
    return time.perf_counter() - start


print(bench.machine())
for name, fn in [("tiny function", tiny), ("50-op chain", chain50)]:
    for label, options in [
        ("tf.function", {}),
        ("+ XLA", {"jit_compile": True}),
    ]:
        firsts, cached = [], []
        for _ in range(3):  # a fresh function each time: its first call traces
            compiled = tf.function(fn, **options)
            firsts.append(seconds(compiled, x))
            cached.append(min(seconds(compiled, x) for _ in range(20)))
        first, again = statistics.median(firsts), statistics.median(cached)
        print(
            f"{name:13} {label:11} first call {first * 1e3:6.1f} ms,"
            f" cached {again * 1e6:6.1f} µs: {first / again:4.0f}x"
        )

compiled = tf.function(tiny)
compiled(x, 0.0)
cached = min(seconds(compiled, x, 0.0) for _ in range(20))
retrace = statistics.median(seconds(compiled, x, float(k)) for k in range(1, 4))
print(f"retrace (new Python float): {retrace / cached:.0f}x a cached call")

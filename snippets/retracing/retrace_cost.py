import statistics
import time

import tensorflow as tf


def per_call_seconds(call, repeats):
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        call(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@tf.function
def affine(x, k):
    return x * 2.0 + k


x = tf.ones([8])
affine(x, tf.constant(0.0))  # warm-up: the one trace
cached = per_call_seconds(lambda i: affine(x, tf.constant(float(i))), 200)
retrace = per_call_seconds(lambda i: affine(x, 1000 + i), 3)  # new int
print(f"a retrace costs {retrace / cached:.0f}x a cached call (median)")

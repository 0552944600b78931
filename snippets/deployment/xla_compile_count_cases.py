import re

import tensorflow as tf

tf.get_logger().setLevel("ERROR")  # retracing is counted here, not warned of


def scaled_sum(x):
    return tf.reduce_sum(x * 2.0)


def count_to(n):
    return tf.range(n)


def row(case, body, calls, **options):
    """A fresh jit_compile function called with each argument in turn: its
    trace count and the number of distinct XLA programs after each call (XLA
    compiles each program once and caches it)."""
    f = tf.function(body, jit_compile=True, **options)
    traces, programs, seen = [], [], set()
    for arg in calls:
        f(arg)
        hlo = f.experimental_get_compiler_ir(arg)(stage="hlo")
        seen.add(re.sub(r", metadata=\{[^}]*\}", "", hlo))  # source lines aside
        traces.append(str(f.experimental_get_tracing_count()))
        programs.append(str(len(seen)))
    print(f"{case:34} {' '.join(traces):10} {' '.join(programs)}")


sizes = [tf.ones([size]) for size in (4, 8, 8, 16)]
values = [tf.fill([4], value) for value in (1.0, 2.0, 3.0)]
spec = [tf.TensorSpec([None], tf.float32)]  # an input_signature
tensors = [tf.constant(n) for n in (3, 5, 3)]

print(f"{'calls':34} {'traces':10} XLA programs")
row("sizes 4, 8, 8, 16", scaled_sum, sizes)
row("  with reduce_retracing=True", scaled_sum, sizes, reduce_retracing=True)
row("  with input_signature [None]", scaled_sum, sizes, input_signature=spec)
row("values 1, 2, 3, size 4", scaled_sum, values)
row("tf.range(n), tensor n = 3, 5, 3", count_to, tensors)
row("tf.range(n), Python n = 3, 5, 3", count_to, [3, 5, 3])

# With a None dimension there is no program to show: XLA compiles for sizes.
f = tf.function(scaled_sum, jit_compile=True, input_signature=spec)
try:
    f.experimental_get_compiler_ir(spec[0])(stage="hlo")
except ValueError as e:
    first = str(e).splitlines()[0]
    first = first[: first.index(" but got")]  # then the graph's placeholders
    print(f"{'compiler IR for [None]':34} {type(e).__name__}: {first}")

import time

import bench
import tensorflow as tf

x = tf.constant([1.0, 2.0, 3.0])


def tiny(x):
    return x * 2.0 + 1.0


graph = tf.function(tiny)
signed = tf.function(tiny, input_signature=[tf.TensorSpec([3], tf.float32)])
concrete = graph.get_concrete_function(x)
xla = tf.function(tiny, jit_compile=True)

start = time.perf_counter()
results = bench.compare(
    {
        "eager": lambda: tiny(x),
        "tf.function": lambda: graph(x),
        "tf.function + signature": lambda: signed(x),
        "ConcreteFunction": lambda: concrete(x),
        "tf.function + XLA": lambda: xla(x),
    },
    calls=1000,
    rounds=10,
)
print(bench.machine())
bench.report(results, baseline="eager")
print(f"10,000 calls per mode; measured in {time.perf_counter() - start:.1f} s")

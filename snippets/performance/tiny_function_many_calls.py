import matplotlib.pyplot as plt
import tensorflow as tf

import bench

x = tf.constant([1.0, 2.0, 3.0])


def tiny(x):
    return x * 2.0 + 1.0


graph = tf.function(tiny)
signed = tf.function(tiny, input_signature=[tf.TensorSpec([3], tf.float32)])
concrete = graph.get_concrete_function(x)
xla = tf.function(tiny, jit_compile=True)

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

names = list(results)
medians = [results[name][0] * 1e6 for name in names]
spread = [
    [m - results[n][1] * 1e6 for n, m in zip(names, medians)],
    [results[n][2] * 1e6 - m for n, m in zip(names, medians)],
]
plt.barh(names, medians, xerr=spread, capsize=4)
plt.gca().invert_yaxis()
plt.xlabel("µs per call (median, IQR)")
plt.tight_layout()
plt.show()

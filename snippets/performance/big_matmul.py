import tensorflow as tf

import bench

tf.random.set_seed(0)
a = tf.random.normal([1000, 1000])
b = tf.random.normal([1000, 1000])


def matmul(a, b):
    return tf.matmul(a, b)


graph = tf.function(matmul)
xla = tf.function(matmul, jit_compile=True)

results = bench.compare(
    {
        "eager": lambda: matmul(a, b),
        "tf.function": lambda: graph(a, b),
        "tf.function + XLA": lambda: xla(a, b),
    },
    calls=5,
    rounds=15,
)
print(bench.machine())
bench.report(results, baseline="eager")

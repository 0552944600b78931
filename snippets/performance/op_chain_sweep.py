import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

import bench

x = tf.ones([1000])
lengths = [1, 2, 5, 10, 20, 50, 100]


def chain(x, n):
    for _ in range(n):  # n element-wise ops (unrolled when traced)
        x = tf.sin(x)
    return x


def modes(n):
    graph = tf.function(lambda x: chain(x, n))
    xla = tf.function(lambda x: chain(x, n), jit_compile=True)
    return {
        "eager": lambda: chain(x, n),
        "tf.function": lambda: graph(x),
        "tf.function + XLA": lambda: xla(x),
    }


times = {"eager": [], "tf.function": [], "tf.function + XLA": []}
for n in lengths:
    for name, stats in bench.compare(modes(n), calls=20, rounds=7).items():
        times[name].append(stats[0] * 1e6)  # median, µs

print(bench.machine())
for name, values in times.items():
    per_op, fixed = np.polyfit(lengths, values, 1)  # time = fixed + n * per_op
    print(f"{name:18} fixed {fixed:7.1f} µs/call + {per_op:5.2f} µs/op")
    plt.plot(lengths, values, marker="o", label=name)
eager, graph = times["eager"], times["tf.function"]
wins = [n for n, e, g in zip(lengths, eager, graph) if g < e]
print("tf.function is faster from n =", wins[0] if wins else "never")
plt.xlabel("element-wise ops per call")
plt.ylabel("µs per call (median)")
plt.legend()
plt.show()

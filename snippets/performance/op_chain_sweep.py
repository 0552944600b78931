import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

import bench

x = tf.ones([1000])
# Dense from 5 to 40 ops, where the lines cross on typical CPUs; sparse beyond.
lengths = [1, 2, 5, 8, 10, 12, 15, 18, 20, 25, 30, 40, 60, 100]


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
fits = {}
for name, values in times.items():
    # time = fixed + n * per_op, with the fit's covariance for the uncertainty
    (per_op, fixed), cov = np.polyfit(lengths, values, 1, cov=True)
    fits[name] = (fixed, per_op, cov)
    print(f"{name:18} fixed {fixed:7.1f} µs/call + {per_op:5.2f} µs/op")
    plt.plot(lengths, values, marker="o", label=name)


def crossover(mode):
    """Where `mode`'s fitted line crosses eager's, ± one standard error
    (propagated from both fits' covariances to first order)."""
    (f1, p1, c1), (f0, p0, c0) = fits[mode], fits["eager"]
    if p0 - p1 <= 0:
        return None
    n = (f1 - f0) / (p0 - p1)
    # d n / d(per_op, fixed) for each fit; the two fits are independent.
    g1 = np.array([n / (p0 - p1), 1 / (p0 - p1)])
    g0 = np.array([-n / (p0 - p1), -1 / (p0 - p1)])
    return n, float(np.sqrt(g1 @ c1 @ g1 + g0 @ c0 @ g0))


for mode in ("tf.function", "tf.function + XLA"):
    found = crossover(mode)
    if found is None:
        print(f"{mode} never overtakes eager: its cost per op is not lower")
    else:
        print(
            f"{mode} overtakes eager at n = {found[0]:.0f} ± {found[1]:.0f} ops"
        )
print("measured at n = 100: tf.function", end=" ")
print("faster" if times["tf.function"][-1] < times["eager"][-1] else "slower")
plt.xlabel("element-wise ops per call")
plt.ylabel("µs per call (median)")
plt.legend()
plt.show()

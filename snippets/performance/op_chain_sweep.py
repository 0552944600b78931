import matplotlib.pyplot as plt
import tensorflow as tf

import bench

x = tf.ones([1000])
# Dense from 5 to 40 ops, sparse beyond.
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


sweep = [bench.compare(modes(n), calls=20, rounds=7) for n in lengths]

print(bench.machine())
names = list(sweep[0])
print(
    f"{'n':>4}"
    + "".join(f"{name:>19}" for name in names)
    + "   (µs per call, median)"
)
for n, stats in zip(lengths, sweep):
    print(f"{n:4}" + "".join(f"{stats[name][0] * 1e6:19.1f}" for name in names))
print(f"(measured in {sum(stats.seconds for stats in sweep):.1f} s)")
for name in names:
    plt.plot(
        lengths,
        [stats[name][0] * 1e6 for stats in sweep],
        marker="o",
        label=name,
    )

for mode in ("tf.function", "tf.function + XLA"):
    bench.report_crossing(lengths, sweep, mode)
plt.xlabel("element-wise ops per call")
plt.ylabel("µs per call (median)")
plt.legend()
plt.show()

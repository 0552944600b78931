import tensorflow as tf

import bench

N = 500 if bench.QUICK else 2000  # elements per pass
numbers = tf.data.Dataset.range(N)
in_graph = numbers.map(lambda x: x * 2 + 1)
in_python = numbers.map(
    lambda x: tf.py_function(lambda v: v * 2 + 1, [x], tf.int64)
)


def total(dataset):  # reduce: the pass runs in C++, no Python per element
    return dataset.reduce(tf.constant(0, tf.int64), lambda a, b: a + b)


assert total(in_graph).numpy() == total(in_python).numpy()
results = bench.compare(
    {
        "map, TF ops": lambda: total(in_graph),
        "map, tf.py_function": lambda: total(in_python),
    },
    calls=1,
    rounds=10,
)
print(bench.machine())
bench.report(results, baseline="map, tf.py_function", unit="ms")
per_element = {name: stats[0] / N * 1e6 for name, stats in results.items()}
for name, micros in per_element.items():
    print(f"{name}: {micros:.2f} µs per element")
ratio = per_element["map, tf.py_function"] / per_element["map, TF ops"]
print(f"tf.py_function costs {ratio:.0f}x the TF ops per element")

import tensorflow as tf

import bench

N = 1000 if bench.QUICK else 2000  # elements per pass
numbers = tf.data.Dataset.range(N)
in_graph = numbers.map(lambda x: x * 2 + 1)
in_python = numbers.map(
    lambda x: tf.py_function(lambda v: v * 2 + 1, [x], tf.int64)
)


def add(a, b):
    return a + b


def total(dataset):
    """A pass over the dataset, reduced in a graph: no Python per element,
    and traced once (an eager `reduce` would trace its function each call)."""
    return tf.function(lambda: dataset.reduce(tf.constant(0, tf.int64), add))


graph_pass, python_pass = total(in_graph), total(in_python)
assert graph_pass().numpy() == python_pass().numpy()
results = bench.compare(
    {"map, TF ops": graph_pass, "map, tf.py_function": python_pass},
    calls=1,
    rounds=10,
)
print(bench.machine())
bench.report(results, baseline="map, tf.py_function", unit="ms")
per_element = bench.per(results, N, "element")
ratio = per_element["map, tf.py_function"] / per_element["map, TF ops"]
print(f"tf.py_function costs {ratio:.0f}x the TF ops per element")

import tensorflow as tf


def scale(x):
    print("  Python body ran")
    return x * 2


@tf.function
def scale_graph(x):
    print("  Python body ran")
    return x * 2


print("eager:")
for value in [1.0, 2.0, 3.0]:
    scale(tf.constant(value))
print("tf.function:")
for value in [1.0, 2.0, 3.0]:
    scale_graph(tf.constant(value))
print("traces:", scale_graph.experimental_get_tracing_count())

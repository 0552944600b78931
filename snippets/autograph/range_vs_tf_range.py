import tensorflow as tf


@tf.function
def unrolled(x, n):
    for _ in range(n):  # Python range: the body is copied n times
        x = x * 2
    return x


@tf.function
def looped(x, n):
    for _ in tf.range(n):  # tf.range: one loop op, whatever n is
        x = x * 2
    return x


x = tf.constant(1)
for n in [3, 10]:
    graph_u = unrolled.get_concrete_function(x, n).graph
    graph_l = looped.get_concrete_function(x, tf.constant(n)).graph
    print(
        f"n={n:2}: range -> {len(graph_u.get_operations())} ops,"
        f" tf.range -> {len(graph_l.get_operations())} ops"
    )
loops = [op.type for op in graph_l.get_operations() if "While" in op.type]
print("loop ops with tf.range:", loops)
print("traces of unrolled:", unrolled.experimental_get_tracing_count())
print("traces of looped:  ", looped.experimental_get_tracing_count())

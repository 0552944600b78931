import tensorflow as tf

w = tf.Variable(1.5)


@tf.function
def with_cond(x):
    with tf.GradientTape() as tape:
        y = tf.cond(x > 0, lambda: w * x, lambda: w * w)
    return tape.gradient(y, w)


@tf.function
def tf_range_loop(x, n):
    with tf.GradientTape() as tape:
        for _ in tf.range(n):  # one loop op, whatever n is
            x = x * w
    return tape.gradient(x, w)


@tf.function
def tensor_array(x, n):
    with tf.GradientTape() as tape:
        steps = tf.TensorArray(tf.float32, size=n)
        for i in tf.range(n):
            x = x * w
            steps = steps.write(i, x)  # keep every step
        total = tf.reduce_sum(steps.stack())
    return tape.gradient(total, w)


@tf.function
def python_loop(x, n):
    with tf.GradientTape() as tape:
        for _ in range(n):  # a Python int: the body is copied n times
            x = x * w
    return tape.gradient(x, w)


def nodes(fn, x, n):
    """Nodes in the traced graph, loop bodies (functions it holds) included."""
    graph = fn.get_concrete_function(x, n).graph.as_graph_def()
    bodies = graph.library.function
    return len(graph.node) + sum(len(body.node_def) for body in bodies)


x = tf.constant(2.0)
print("tf.cond, x > 0 (y = w * x):", float(with_cond(x)))
print("tf.cond, x < 0 (y = w * w):", float(with_cond(-x)))
print(f"{'n = 3':14}{'dy/dw':>8}{'nodes':>7}   nodes for n = 10, 30")
for name, fn, as_n in [
    ("tf.range loop", tf_range_loop, tf.constant),
    ("TensorArray", tensor_array, tf.constant),
    ("Python loop", python_loop, int),
]:
    sizes = [nodes(fn, x, as_n(n)) for n in (3, 10, 30)]
    gradient = float(fn(x, as_n(3)))
    print(f"{name:14}{gradient:>8}{sizes[0]:>7}   {sizes[1]}, {sizes[2]}")

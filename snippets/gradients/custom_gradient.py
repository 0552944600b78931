import tensorflow as tf


@tf.custom_gradient
def round_straight_through(x):
    """tf.round going forward; the identity's gradient going back."""

    def grad(upstream):
        return upstream

    return tf.round(x), grad


def value_and_gradient(fn, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = fn(x)
    return y, tape.gradient(y, x)


@tf.function
def in_graph(x):
    return value_and_gradient(round_straight_through, x)


@tf.function
def taking_fn(fn, x):
    undecorated = fn is round_straight_through.__wrapped__
    print("  the trace received the undecorated function:", undecorated)
    return value_and_gradient(fn, x)


def show(case, y, g):
    print(f"{case:25} y {y.numpy()}  dy/dx {g if g is None else g.numpy()}")


x = tf.constant([0.4, 1.6, 2.5])
show("tf.round, eagerly", *value_and_gradient(tf.round, x))
show("custom, eagerly", *value_and_gradient(round_straight_through, x))
show("custom, in a tf.function", *in_graph(x))
print("custom, as an argument to a tf.function:")
try:
    taking_fn(round_straight_through, x)
except TypeError as e:  # the line that matters is the last one
    print(" ", str(e).strip().splitlines()[-1].strip())

import tensorflow as tf


def first_line(e):
    return type(e).__name__ + ": " + str(e).splitlines()[0]


def must_feed(e):  # the line of a graph error that names the cause
    line = next(ln for ln in e.message.splitlines() if "must feed" in ln)
    return type(e).__name__ + ": " + line


print("executing eagerly:", tf.executing_eagerly())
try:
    tf.compat.v1.placeholder(tf.float32, [None], name="x")
except RuntimeError as e:
    print("eager:              ", first_line(e))


@tf.function
def double():
    x = tf.compat.v1.placeholder(tf.float32, [None], name="x")
    return x * 2


try:
    double()
except tf.errors.InvalidArgumentError as e:
    print("in a tf.function:   ", must_feed(e))

with tf.Graph().as_default():
    x = tf.compat.v1.placeholder(tf.float32, [None], name="x")
    print("in a tf.Graph block:", x)

try:  # a Session outside any graph block runs the (empty) default graph
    tf.compat.v1.Session().run(tf.constant(1.0))
except RuntimeError as e:
    print("Session in eager:   ", first_line(e))

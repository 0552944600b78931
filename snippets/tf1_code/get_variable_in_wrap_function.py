import numpy as np
import tensorflow as tf


def dense(x):
    """The TF1 layer: its update is an op that nothing fetches."""
    print("  building dense")
    w = tf.compat.v1.get_variable(
        "w", [2, 1], initializer=tf.compat.v1.ones_initializer()
    )
    w.assign_add(tf.ones_like(w))
    return tf.matmul(x, w)


def dense_counting(x):
    """The same, with the update made a dependency of the output."""
    w = tf.compat.v1.get_variable(
        "w", [2, 1], initializer=tf.compat.v1.ones_initializer()
    )
    with tf.control_dependencies([w.assign_add(tf.ones_like(w))]):
        return tf.matmul(x, w)


def three_calls(f):
    return [f(tf.constant([[1.0, 1.0]])).numpy().item() for _ in range(3)]


spec = [tf.TensorSpec([None, 2], tf.float32)]
wrapped = tf.compat.v1.wrap_function(dense, spec)
print("wrap_function:", three_calls(wrapped))
print("  variables:", [v.name for v in wrapped.variables])
counting = tf.compat.v1.wrap_function(dense_counting, spec)
print("with control_dependencies:", three_calls(counting))


def dense_from_tensor(x):  # the initial value is a tensor of the graph
    w = tf.compat.v1.get_variable("w", initializer=tf.ones([2, 1]))
    return tf.matmul(x, w)


def dense_from_numpy(x):  # a NumPy value is lifted out: fine
    w = tf.compat.v1.get_variable("w", initializer=np.ones([2, 1], "float32"))
    return tf.matmul(x, w)


try:
    tf.compat.v1.wrap_function(dense_from_tensor, spec)
except ValueError as e:
    print("tensor initial value: ValueError:", str(e).split(". ")[0] + ".")
from_numpy = tf.compat.v1.wrap_function(dense_from_numpy, spec)
print("NumPy initial value:", three_calls(from_numpy))

import collections

import numpy as np
import tensorflow as tf

# A fresh tf.function per case is what TensorFlow's retracing warning is
# there to flag; here it is the point, so the warning is silenced.
tf.get_logger().setLevel("ERROR")


def traces_for(*calls):
    """Call a fresh tf.function with each tuple of arguments; count traces."""

    @tf.function
    def f(*args):
        return tf.nest.flatten(args)[0] + 0

    for args in calls:
        f(*args)
    return f.experimental_get_tracing_count()


a, b = tf.constant([1.0, 2.0]), tf.constant([3.0, 4.0])  # same dtype and shape
c = tf.constant([1.0, 2.0, 3.0])  # another shape
Point = collections.namedtuple("Point", ["x", "y"])
v1, v2 = tf.Variable([1.0, 2.0]), tf.Variable([5.0, 6.0])

cases = {  # each case: the arguments of two calls
    "list, new values": (([a, b],), ([b, a],)),
    "list, new length": (([a],), ([a, b],)),
    "list, order of shapes": (([a, c],), ([c, a],)),
    "tuple, new values": (((a, b),), ((b, a),)),
    "dict, key order": (({"p": a, "q": c},), ({"q": c, "p": a},)),
    "dict, new key": (({"p": a},), ({"r": a},)),
    "namedtuple, new values": ((Point(a, b),), (Point(b, a),)),
    "tensor, new dtype": ((a,), (tf.constant([1, 2]),)),
    "NumPy array, new values": ((np.ones(2),), (np.zeros(2),)),
    "NumPy array, new shape": ((np.ones(2),), (np.ones(3),)),
    "NumPy array, new dtype": ((np.ones(2),), (np.ones(2, np.float32),)),
    "another variable": ((v1,), (v2,)),
    "variable, new shape": ((v1,), (tf.Variable([1.0, 2.0, 3.0]),)),
    "variable, new dtype": ((v1,), (tf.Variable([1, 2]),)),
    "f(v1, v2), then f(v1, v1)": ((v1, v2), (v1, v1)),
}
for name, calls in cases.items():
    print(f"{name:27} {traces_for(*calls)} trace(s) for 2 calls")

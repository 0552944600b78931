import numpy as np
import tensorflow as tf

x = tf.constant([1.0, 2.0, 3.0])


def tf_square(v):
    return v * v  # TensorFlow ops, run eagerly inside the wrapper


def np_square(v):
    return np.square(np.asarray(v))  # NumPy: nothing for a tape to see


def wrapped(wrapper, body):
    return lambda v: wrapper(body, [v], tf.float32)


WRAPPED = {
    "tf.py_function, TF ops": wrapped(tf.py_function, tf_square),
    "tf.py_function, NumPy": wrapped(tf.py_function, np_square),
    "tf.numpy_function, NumPy": wrapped(tf.numpy_function, np_square),
}


def gradient(fn, v):
    with tf.GradientTape() as tape:
        tape.watch(v)
        y = tf.reduce_sum(fn(v))
    return tape.gradient(y, v)


def shown(g):
    return "None" if g is None else str(g.numpy())


print(f"{'wrapper, body':26} {'eagerly':14} tf.function")
for name, fn in WRAPPED.items():
    eager = gradient(fn, x)
    graph = tf.function(gradient)(fn, x)
    print(f"{name:26} {shown(eager):14} {shown(graph)}")

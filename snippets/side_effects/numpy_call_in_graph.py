import numpy as np
import tensorflow as tf


@tf.function
def spread(x):
    return np.std(x)  # NumPy needs the values, which a trace does not have


try:
    spread(tf.constant([1.0, 2.0, 3.0, 4.0]))
except NotImplementedError as error:
    print(
        "NotImplementedError:",
        str(error)
        .strip()
        .splitlines()[-1]
        .strip()
        .removeprefix("NotImplementedError: "),
    )


@tf.function
def spread_fixed(x):
    return tf.math.reduce_std(
        x
    )  # the TensorFlow op, computed when the graph runs


print("fixed:", spread_fixed(tf.constant([1.0, 2.0, 3.0, 4.0])).numpy())

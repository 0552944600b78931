import tensorflow as tf


@tf.function
def step(x):
    print("print sees:   ", x)  # Python: runs while tracing, once per trace
    tf.print("tf.print sees:", x)  # an op: runs on every call
    return x * 2


for value in [[1, 2], [3, 4], [5, 6, 7]]:  # the third: a new shape
    step(tf.constant(value))

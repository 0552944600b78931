import tensorflow as tf


@tf.function
def step(x):
    print("print sees:   ", x)  # Python: runs once, while tracing
    tf.print("tf.print sees:", x)  # an op: runs on every call
    return x * 2


for value in [[1, 2], [3, 4], [5, 6]]:
    step(tf.constant(value))

import tensorflow as tf


@tf.function
def shift(x, amount):
    return x + amount


for amount in range(7):
    shift(tf.constant(0), amount)  # a new Python int every call
print("traces:", shift.experimental_get_tracing_count())

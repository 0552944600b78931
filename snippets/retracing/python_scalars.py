import tensorflow as tf


@tf.function
def power(x, exponent):
    return x**exponent


x = tf.constant(2.0)
for exponent in [1, 2, 3, 4]:
    power(x, exponent)  # a Python int: each value is a new trace
print("Python ints:", power.experimental_get_tracing_count(), "traces")


@tf.function
def power_t(x, exponent):
    return x**exponent


for exponent in [1.0, 2.0, 3.0, 4.0]:
    power_t(x, tf.constant(exponent))  # a tensor: one trace for all values
print("tensors:    ", power_t.experimental_get_tracing_count(), "trace")

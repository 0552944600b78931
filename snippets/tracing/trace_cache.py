import tensorflow as tf


@tf.function
def double(x):
    print("  Python body ran with", x)
    return x * 2


calls = [
    tf.constant(1),  # int32 scalar: trace
    tf.constant(2),  # int32 scalar again: cached
    tf.constant([1, 2]),  # int32 of shape (2,): trace
    tf.constant([3, 4]),  # same dtype and shape: cached
    1,  # a Python int: its value is part of the key, trace
    2,  # a new value: trace
    2,  # the same value: cached
]
for x in calls:
    print("call with", x)
    double(x)

print("traces:", double.experimental_get_tracing_count())

import tensorflow as tf


@tf.function
def double(x):
    print(f"  Python body ran for {x.dtype.name} {x.shape}")
    return x * 2


calls = [
    tf.constant(1),  # int32 scalar: trace
    tf.constant(2),  # int32 scalar again: cached
    tf.constant(1.5),  # float32 scalar: trace
    tf.constant([1, 2]),  # int32 of shape (2,): trace
    tf.constant([3, 4]),  # same dtype and shape: cached
]
for x in calls:
    print("call with", x.numpy())
    double(x)

print("traces:", double.experimental_get_tracing_count())

import tensorflow as tf


@tf.function
def scale(x, factor):
    return x * factor


# From example tensors, or from a spec: None is a dimension of any size.
from_values = scale.get_concrete_function(tf.constant([1.0]), tf.constant(2.0))
spec = tf.TensorSpec(shape=[None], dtype=tf.float32)
from_spec = scale.get_concrete_function(spec, tf.TensorSpec([], tf.float32))

print(from_spec.pretty_printed_signature())
print(from_spec(tf.constant([1.0, 2.0, 3.0]), tf.constant(10.0)))
print("traces:", scale.experimental_get_tracing_count())

try:  # A concrete function never retraces: a wrong dtype is an error.
    from_spec(tf.constant([1, 2]), tf.constant(10))
except tf.errors.InvalidArgumentError as error:
    print(f"{type(error).__name__}: {error.message}")

import tensorflow as tf


@tf.function
def scale(x, factor):
    return x * factor


concrete = scale.get_concrete_function(tf.TensorSpec([], tf.float32), factor=2)
print(concrete(tf.constant(3.0)).numpy())
print(concrete(tf.constant(3.0), factor=2).numpy())  # the same value: accepted
try:
    concrete(tf.constant(3.0), factor=10)  # a new value: not a new graph
except (TypeError, ValueError) as error:
    print(type(error).__name__ + ":", str(error).strip().splitlines()[0][:110])
print("the tf.function retraces:", scale(tf.constant(3.0), factor=10).numpy())

import warnings

import tensorflow as tf


def double(x):
    # Python code in a map function: which kind of tensor does it get?
    print("  map function got", type(x).__name__)
    return x * 2


print("tf.config.run_functions_eagerly(True):")
tf.config.run_functions_eagerly(True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    dataset = tf.data.Dataset.range(3).map(double)
print("  values:", [int(v) for v in dataset])
for warning in caught:
    print(f"  {warning.category.__name__}: {warning.message}")
tf.config.run_functions_eagerly(False)

print("tf.data.experimental.enable_debug_mode():")
tf.data.experimental.enable_debug_mode()  # for the whole program, from here on
dataset = tf.data.Dataset.range(3).map(double)
print("  values:", [int(v) for v in dataset])

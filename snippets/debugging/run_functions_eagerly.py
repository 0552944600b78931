import tensorflow as tf


@tf.function
def normalize(x):
    mean = tf.reduce_mean(x)
    print("  mean is", mean)  # symbolic in a graph, a value when eager
    return x - mean


tf.config.run_functions_eagerly(True)
try:
    print("run_functions_eagerly:", tf.config.functions_run_eagerly())
    normalize(tf.constant([1.0, 2.0, 6.0]))
    normalize(tf.constant([4.0, 4.0]))
finally:
    tf.config.run_functions_eagerly(False)  # always restore the setting

print("run_functions_eagerly:", tf.config.functions_run_eagerly())
normalize(tf.constant([1.0, 2.0, 6.0]))
normalize(tf.constant([4.0, 4.0]))

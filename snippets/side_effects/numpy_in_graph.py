import tensorflow as tf


@tf.function
def total(x):
    return x.numpy().sum()  # .numpy() needs a value: while tracing, none exists


try:
    total(tf.constant([1.0, 2.0]))
except AttributeError as error:
    print("AttributeError:", error)


@tf.function
def total_fixed(x):
    return tf.reduce_sum(x)  # a TensorFlow op works on the symbolic tensor


print("fixed:", total_fixed(tf.constant([1.0, 2.0])).numpy())

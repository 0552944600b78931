import tensorflow as tf


@tf.function
def pick(values, index):
    doubled = values * 2
    return tf.gather(doubled, index)  # fails when the graph runs


try:
    pick(tf.constant([1, 2]), tf.constant(7))
except tf.errors.InvalidArgumentError as error:
    print(error.message)

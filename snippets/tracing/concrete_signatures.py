import tensorflow as tf


@tf.function
def double(x):
    return x * 2


double(tf.constant(1))
double(tf.constant(1.5))  # a new dtype: a second graph
print(double.pretty_printed_concrete_signatures())

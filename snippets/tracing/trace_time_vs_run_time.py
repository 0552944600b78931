import tensorflow as tf


@tf.function
def add_one(x):
    print("print:    x =", x)
    tf.print("tf.print: x =", x)
    return x + 1


for value in [1, 2, 3]:
    add_one(tf.constant(value))

import tensorflow as tf


@tf.function
def square(x):
    print("Python body ran, executing eagerly:", tf.executing_eagerly())
    return x * x


original = square.python_function  # the undecorated Python function
print(original(tf.constant(3)))  # eager: runs the Python body
print(square(tf.constant(3)))  # traces, then runs the graph
print(square(tf.constant(4)))  # runs the graph only

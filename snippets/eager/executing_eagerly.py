import tensorflow as tf

print("at top level:", tf.executing_eagerly())


@tf.function
def inside_a_function():
    # This print runs while TensorFlow traces the function into a graph.
    print("inside @tf.function:", tf.executing_eagerly())
    return tf.constant(0)


inside_a_function()

import tensorflow as tf


def legacy_model():
    """TF1 code as it was: a placeholder in, a tensor out."""
    x = tf.compat.v1.placeholder(tf.float32, [None], name="x")
    return x, tf.square(x) + 1


# Way 1: build it in a graph of its own and run that graph in a Session.
with tf.Graph().as_default():
    x, y = legacy_model()
    with tf.compat.v1.Session() as sess:
        print("Graph + Session:", sess.run(y, feed_dict={x: [1.0, 2.0]}))

# Way 2: wrap it, then prune: a function from the placeholder to the output.
wrapped = tf.compat.v1.wrap_function(legacy_model, signature=[])
x, y = wrapped.structured_outputs
square_plus_one = wrapped.prune(feeds=x, fetches=y)
result = square_plus_one(tf.constant([1.0, 2.0]))
print("wrap_function:  ", result.numpy())
print("  pruned:", type(square_plus_one).__name__, "->", type(result).__name__)

print("executing eagerly after both:", tf.executing_eagerly())

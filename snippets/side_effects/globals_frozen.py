import tensorflow as tf

learning_rate = 0.1


@tf.function
def update(w):
    return w - learning_rate  # read once, while tracing: a constant


w = tf.constant(1.0)
print(update(w).numpy())
learning_rate = 0.5  # the graph never sees this
print(update(w).numpy())
print("traces:", update.experimental_get_tracing_count())

lr = tf.Variable(0.1)  # a variable is read each time the graph runs


@tf.function
def update_v(w):
    return w - lr


print(update_v(w).numpy())
lr.assign(0.5)
print(update_v(w).numpy())

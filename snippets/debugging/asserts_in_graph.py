import tensorflow as tf


@tf.function
def safe_sqrt(x):
    tf.debugging.assert_non_negative(x, message="safe_sqrt got a negative")
    tf.debugging.assert_rank(x, 1)  # the rank is known while tracing
    return tf.sqrt(x)


print(safe_sqrt(tf.constant([4.0, 9.0])).numpy())

try:  # checked when the graph runs
    safe_sqrt(tf.constant([4.0, -1.0]))
except tf.errors.InvalidArgumentError as error:
    print("at run time:", error.message.splitlines()[-2].strip())

try:  # a static check fails while tracing, before anything runs
    safe_sqrt(tf.constant([[4.0]]))
except ValueError as error:
    print("at trace time:", str(error).strip().splitlines()[-1].strip())

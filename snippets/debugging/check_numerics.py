import tensorflow as tf


@tf.function
def log_loss(p):
    return -tf.reduce_mean(tf.math.log(p))


bad = tf.constant([0.5, -1.0])  # log(-1) is NaN
print("unchecked:", log_loss(bad).numpy())

tf.debugging.enable_check_numerics()
try:

    @tf.function  # traced while checking is on
    def checked_log_loss(p):
        return -tf.reduce_mean(tf.math.log(p))

    checked_log_loss(bad)
except tf.errors.InvalidArgumentError as error:
    print([line for line in error.message.splitlines() if "!!!" in line][0])
finally:
    tf.debugging.disable_check_numerics()

import tensorflow as tf


@tf.function
def counting_up(n):
    x = tf.constant([0])
    for i in tf.range(1, n):
        x = tf.concat([x, [i]], axis=0)  # grows by one element per step
    return x


try:
    counting_up(tf.constant(4))
except ValueError as error:
    # The message's last line names the problem; earlier lines, your code.
    print(str(error).strip().splitlines()[-1].strip())


@tf.function
def counting_up_fixed(n):
    x = tf.constant([0])
    for i in tf.range(1, n):
        # Declare that x's length may change from one iteration to the next.
        tf.autograph.experimental.set_loop_options(
            shape_invariants=[(x, tf.TensorShape([None]))]
        )
        x = tf.concat([x, [i]], axis=0)
    return x


print("fixed:", counting_up_fixed(tf.constant(4)).numpy())

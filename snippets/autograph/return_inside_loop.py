import tensorflow as tf


@tf.function
def first_negative(values):
    for v in values:  # a tensor: AutoGraph makes this a loop op
        if v < 0:
            return v
    return tf.constant(0)


try:
    first_negative(tf.constant([3, -1, 2]))
except NotImplementedError as error:
    # The message's last line names the problem; earlier lines, your code.
    print(str(error).strip().splitlines()[-1].strip())

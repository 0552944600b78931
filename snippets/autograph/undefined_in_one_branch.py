import tensorflow as tf


@tf.function
def half_if_positive(x):
    if x > 0:
        y = x / 2
    return y  # undefined when x <= 0: a graph needs both branches


try:
    half_if_positive(tf.constant(4.0))
except ValueError as error:
    # The message's last line names the problem; earlier lines, your code.
    print(str(error).strip().splitlines()[-1].strip())

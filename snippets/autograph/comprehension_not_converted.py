import tensorflow as tf


@tf.function
def positives(values):
    # AutoGraph leaves comprehensions to Python: this `if` needs a Python
    # bool from a symbolic tensor.
    return [v for v in values if v > 0]


try:
    positives([tf.constant(1), tf.constant(-2)])
except tf.errors.OperatorNotAllowedInGraphError as error:
    # The message's last line names the problem; earlier lines, your code.
    print(str(error).strip().splitlines()[-1].strip())

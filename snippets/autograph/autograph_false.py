import tensorflow as tf


def relu_or_zero(x, enabled):
    if not enabled:  # a Python bool: fine without AutoGraph
        return tf.zeros_like(x)
    if x > 0:  # a tensor: needs AutoGraph
        return x
    return tf.zeros_like(x)


converted = tf.function(relu_or_zero)
as_is = tf.function(relu_or_zero, autograph=False)

print("autograph=True: ", converted(tf.constant(2.0), True).numpy())
print(
    "autograph=False, Python condition:", as_is(tf.constant(2.0), False).numpy()
)
try:
    as_is(tf.constant(2.0), True)
except tf.errors.OperatorNotAllowedInGraphError as error:
    print("autograph=False, tensor condition:", type(error).__name__)
    print(str(error).strip().splitlines()[0])

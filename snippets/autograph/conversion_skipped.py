import tensorflow as tf


@tf.autograph.experimental.do_not_convert
def sign_of(x):
    if x > 0:
        return 1
    return -1


@tf.function
def uses_helper(x):
    return sign_of(x)  # called from converted code, but opted out


try:
    uses_helper(tf.constant(3))
except tf.errors.OperatorNotAllowedInGraphError as error:
    print("do_not_convert:", type(error).__name__)

# Code without a source file (here: compiled from a string) cannot be
# converted: it runs unconverted, and its tensor condition fails.
source = "def sign_of_generated(x):\n    return 1 if x > 0 else -1\n"
namespace = {"__name__": "generated"}
exec(source, namespace)
try:
    tf.function(namespace["sign_of_generated"])(tf.constant(3))
except tf.errors.OperatorNotAllowedInGraphError as error:
    print("no source:", type(error).__name__)
    print(error)

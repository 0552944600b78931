import io
import pdb
import sys

import tensorflow as tf


def scale(x, factor):
    # Scripted commands stand in for what you would type at the prompt.
    commands = io.StringIO("p x\np factor * x\ncontinue\n")
    pdb.Pdb(stdin=commands, stdout=sys.stdout, nosigint=True).set_trace()
    return x * factor


print("eager:")
scale(tf.constant([1.0, 2.0]), 3.0)

print("tf.function, with run_functions_eagerly(True):")
tf.config.run_functions_eagerly(True)
try:
    tf.function(scale)(tf.constant([1.0, 2.0]), 3.0)
finally:
    tf.config.run_functions_eagerly(False)

print("tf.function:")
tf.function(scale)(tf.constant([1.0, 2.0]), 3.0)

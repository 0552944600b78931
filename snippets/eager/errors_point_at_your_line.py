import traceback

import tensorflow as tf

a = tf.ones([2, 3])
b = tf.ones([2, 3])

try:
    c = tf.matmul(a, b)  # inner dimensions 3 and 2 do not match
except tf.errors.InvalidArgumentError as error:
    print("raised:", type(error).__name__)
    print("message:", error.message)
    # The traceback starts at this file's frame: the line that failed.
    frame = traceback.extract_tb(error.__traceback__)[0]
    print(f"at line {frame.lineno}: {frame.line}")

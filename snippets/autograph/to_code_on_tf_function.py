import tensorflow as tf


@tf.function
def clipped(x, limit):
    if x > limit:
        x = limit
    return x


try:
    tf.autograph.to_code(clipped)  # the tf.function object itself
except Exception as error:
    print(type(error).__name__ + ":", error)

# The Python function it wraps is what AutoGraph converts:
print(tf.autograph.to_code(clipped.python_function))

import re

import tensorflow as tf


@tf.function(jit_compile=True)
def lengths_as_text(x):
    return tf.strings.length(tf.strings.as_string(x))  # string ops: no XLA


try:
    lengths_as_text(tf.constant([1.5, 22.0]))
except tf.errors.InvalidArgumentError as error:
    first_line = error.message.splitlines()[0]
    print(first_line[: first_line.index(" graph ")])
    print(
        "unsupported ops:", re.findall(r"(\w+) \(No registered", error.message)
    )

print(tf.function(lengths_as_text.python_function)(tf.constant([1.5, 22.0])))

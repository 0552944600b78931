import tempfile

import tensorflow as tf


class Calculator(tf.Module):
    @tf.function
    def double(self, x):
        return x * 2

    @tf.function
    def triple(self, x):
        return x * 3


calculator = Calculator()
calculator.double(tf.constant(1.0))  # traced once before saving; triple never
path = tempfile.mkdtemp()
tf.saved_model.save(calculator, path)
restored = tf.saved_model.load(path)
print("double:", restored.double(tf.constant(4.0)).numpy())
try:
    restored.triple(tf.constant(4.0))
except (ValueError, TypeError) as error:
    print(type(error).__name__ + ":", str(error).strip().splitlines()[0][:120])

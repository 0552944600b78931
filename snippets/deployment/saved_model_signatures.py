import os
import tempfile

import tensorflow as tf


class Scaler(tf.Module):
    def __init__(self):
        self.factor = tf.Variable(3.0)

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32, name="x")])
    def scale(self, x):
        return {"scaled": x * self.factor}

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32, name="x")])
    def shift(self, x):
        return {"shifted": x + self.factor}


module = Scaler()
x = tf.constant([1.0, 2.0])
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "scaler")
    signatures = {"serving_default": module.scale, "shift": module.shift}
    tf.saved_model.save(module, path, signatures=signatures)

    restored = tf.saved_model.load(path)  # no Python class needed
    print("signatures:", list(restored.signatures))
    print("method:    ", restored.scale(x)["scaled"].numpy())
    print(
        "signature: ",
        restored.signatures["serving_default"](x=x)["scaled"].numpy(),
    )
    print("original:  ", module.scale(x)["scaled"].numpy())
    print("shift:     ", restored.signatures["shift"](x=x)["shifted"].numpy())

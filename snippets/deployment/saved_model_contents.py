import os
import tempfile

import tensorflow as tf


class Scaler(tf.Module):
    def __init__(self):
        self.factor = tf.Variable(3.0, name="factor")

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32, name="x")])
    def scale(self, x):
        return {"scaled": x * self.factor}


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "scaler")
    tf.saved_model.save(Scaler(), path)  # serving_default: the only method

    for folder, _, files in sorted(os.walk(path)):
        for name in sorted(files):
            print(os.path.relpath(os.path.join(folder, name), path))

    restored = tf.saved_model.load(path)
    for key, function in restored.signatures.items():
        _, inputs = function.structured_input_signature
        print(f"signature {key!r}")
        print("  inputs: ", inputs)
        print("  outputs:", function.structured_outputs)
    print("restored variable:", restored.factor.name, restored.factor.numpy())

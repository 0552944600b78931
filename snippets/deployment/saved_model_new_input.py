import tempfile

import tensorflow as tf


class Scaler(tf.Module):
    @tf.function  # no signature: the SavedModel keeps the traces it has
    def scale(self, x):
        return x * 2

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
    def scale_any_length(self, x):
        return x * 2


scaler = Scaler()
scaler.scale(tf.constant([1.0, 2.0, 3.0]))  # traced for float32, shape (3,)
path = tempfile.mkdtemp()
tf.saved_model.save(scaler, path)
restored = tf.saved_model.load(path)  # no Python code: only the traced graphs

for name in ["scale", "scale_any_length"]:
    for value in [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0], [1, 2, 3]]:
        x = tf.constant(value)
        label = f"{name}({x.dtype.name}, shape {tuple(x.shape)})"
        try:
            print(f"{label}: {getattr(restored, name)(x).numpy()}")
        except ValueError as error:  # no traced graph matches
            lines = str(error).splitlines()
            print(f"{label}: ValueError: {lines[0]}")
            expected = [line.strip() for line in lines if "TensorSpec(" in line]
            print("    the SavedModel has:", *expected)
        except TypeError as error:  # outside the input_signature
            print(f"{label}: TypeError: {str(error).split('`')[1]}")

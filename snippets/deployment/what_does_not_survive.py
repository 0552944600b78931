import os
import tempfile

import tensorflow as tf

VERBOSE = True


class Model(tf.Module):
    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
    def predict(self, x):
        print("Python print: runs while tracing, at save time")
        if VERBOSE:  # a Python value: decided once, while tracing
            tf.print("tf.print: part of the graph")
        return x * 2


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model")
    print("saving...")
    tf.saved_model.save(Model(), path)
    VERBOSE = False  # too late: the graph was traced with VERBOSE = True
    restored = tf.saved_model.load(path)
    print("serving...")
    print(restored.predict(tf.constant([1.0, 2.0])).numpy())
    try:  # no Python left to trace a new signature
        restored.predict(tf.constant([[1.0]]))
    except TypeError as error:
        print(f"{type(error).__name__}: {str(error).split('. Received')[0]}")

import os
import tempfile

import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
inputs = keras.Input((3,), name="features")  # the name becomes the input key
model = keras.Model(inputs, keras.layers.Dense(1)(inputs))
x = tf.ones([2, 3])

with tempfile.TemporaryDirectory() as tmp:
    exported = os.path.join(tmp, "exported")
    model.export(exported)  # a SavedModel, for serving
    restored = tf.saved_model.load(exported)
    print("signatures:", list(restored.signatures))
    serving = restored.signatures["serving_default"]
    print("input keys:", list(serving.structured_input_signature[1]))
    print("outputs:   ", serving.structured_outputs)
    print(
        "same result:",
        bool(tf.reduce_all(serving(features=x)["output_0"] == model(x))),
    )

    # Inside another Keras model, the export is a layer (inference only).
    layer = keras.layers.TFSMLayer(exported, call_endpoint="serve")
    print("TFSMLayer:  ", layer(x).numpy().ravel())

    keras_file = os.path.join(tmp, "model.keras")  # for Keras: architecture,
    model.save(keras_file)  # weights and optimizer state, reloadable to train
    print(
        ".keras:     ", keras.models.load_model(keras_file)(x).numpy().ravel()
    )
    print("model(x):   ", model(x).numpy().ravel())

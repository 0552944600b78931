import keras
import numpy as np
import tensorflow as tf

runs = []  # one entry each time the probe layer's Python runs


class Probe(keras.layers.Layer):
    def call(self, x):
        runs.append("eagerly" if tf.executing_eagerly() else "traced")
        return x


class NumPyLayer(keras.layers.Layer):  # an op XLA cannot compile
    def call(self, x):
        y = tf.numpy_function(np.tanh, [x], tf.float32)
        return tf.ensure_shape(y, x.shape)


def fit(layer, **compile_options):
    model = keras.Sequential([keras.Input((2,)), layer, keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse", **compile_options)
    runs.clear()  # building the model ran the layer once, symbolically
    model.fit(tf.ones([8, 2]), tf.zeros([8, 1]), epochs=3, verbose=0)
    print(
        f"run_eagerly={model.run_eagerly}, jit_compile={model.jit_compile}:",
        f"{runs.count('traced')} traced, {runs.count('eagerly')} eagerly",
    )


print("fit, 3 epochs of 1 batch; how often the layer's Python ran:")
fit(Probe())
fit(Probe(), run_eagerly=True)
fit(Probe(), jit_compile=True)
print("jit_compile=True, with a tf.numpy_function in the model:")
try:
    fit(NumPyLayer(), jit_compile=True)
except tf.errors.InvalidArgumentError as error:
    for line in error.message.splitlines():
        if line.startswith("Detected unsupported operations"):
            print(" ", line.split(" (No registered")[0])

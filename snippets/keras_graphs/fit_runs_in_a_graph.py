import keras
import tensorflow as tf


class Probe(keras.layers.Layer):
    """Records, on each call, whether it runs eagerly."""

    def call(self, x):
        print("  layer called, executing eagerly:", tf.executing_eagerly())
        return x


def new_model(**compile_options):
    model = keras.Sequential(
        [keras.Input((2,)), Probe(), keras.layers.Dense(1)]
    )
    model.compile(optimizer="sgd", loss="mse", **compile_options)
    return model


x, y = tf.ones([8, 2]), tf.zeros([8, 1])
print("building two models (Keras calls each on a symbolic input):")
model = new_model()
eager_model = new_model(run_eagerly=True)
print("model(x):")
model(x)
print("model.predict(x):")
model.predict(x, verbose=0)
print("model.fit(x, y):")
model.fit(x, y, epochs=3, verbose=0)
print("model.fit(x, y) after compile(run_eagerly=True):")
eager_model.fit(x, y, epochs=3, verbose=0)

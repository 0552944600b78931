import keras
import numpy as np
import tensorflow as tf


def features(i):
    """Plain Python and NumPy: needs the element's value."""
    i = int(i.numpy())
    return np.array([i % 3, i % 5], np.float32)


try:
    tf.data.Dataset.range(8).map(features)
except AttributeError as error:  # map traces features: no value to read
    print("map(features):", str(error).strip().splitlines()[-1])

numbers = tf.data.Dataset.range(8)
unknown = numbers.map(lambda i: tf.py_function(features, [i], tf.float32))
print("with tf.py_function:", unknown.element_spec)
print("first two:", [x.numpy().tolist() for x in unknown.take(2)])


def with_label(x):
    return x, tf.reduce_sum(x, keepdims=True)


def new_model():
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    return model


model = new_model()
try:
    model.fit(unknown.map(with_label).batch(4), verbose=0, shuffle=False)
except ValueError as error:  # Keras needs shapes, and py_function has none
    print("fit:", error)

known = numbers.map(
    lambda i: tf.ensure_shape(tf.py_function(features, [i], tf.float32), [2])
)
print("with tf.ensure_shape:", known.element_spec)
model = new_model()
model.fit(known.map(with_label).batch(4), verbose=0, shuffle=False)
print("fit: trained on", model.optimizer.iterations.numpy(), "batches")

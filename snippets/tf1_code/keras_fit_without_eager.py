import keras
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()  # at program start, for good


def first_line(e):
    return type(e).__name__ + ": " + str(e).splitlines()[0]


keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
x = np.ones((8, 2), "float32")
y = np.ones((8, 1), "float32")

print("model(x):", type(model(x)).__name__)
for name, call in [
    ("fit", lambda: model.fit(x, y, epochs=1, verbose=0)),
    ("evaluate", lambda: model.evaluate(x, y, verbose=0)),
    ("predict", lambda: model.predict(x, verbose=0)),
]:
    try:
        call()
        print(f"model.{name}: ran")
    except Exception as e:  # whichever error this Keras release raises
        print(f"model.{name}:", first_line(e))

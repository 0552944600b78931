import warnings

import keras
import numpy as np

keras.utils.set_random_seed(0)


class TwoHeads(keras.Model):
    def __init__(self):
        super().__init__()
        self.body = keras.layers.Dense(4, name="body")
        self.head = keras.layers.Dense(1, name="head")
        self.spare = keras.layers.Dense(1, name="spare")  # never called

    def build(self, input_shape):
        self.body.build(input_shape)
        self.head.build((None, 4))
        self.spare.build((None, 4))

    def call(self, x):
        return self.head(self.body(x))


x, y = np.ones((8, 3), "float32"), np.zeros((8, 1), "float32")
model = TwoHeads()
model.compile(optimizer="sgd", loss="mse")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(x, y, epochs=2, verbose=0)
for message in dict.fromkeys(str(w.message) for w in caught):  # distinct
    print("UserWarning:", message)

model = TwoHeads()
model.compile(optimizer="sgd")  # no loss
try:
    model.fit(x, y, verbose=0)
except ValueError as e:
    print("ValueError:", str(e).splitlines()[0])

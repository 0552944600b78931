import keras
import tensorflow as tf

runs = []  # one entry each time the layer's Python runs


class Probe(keras.layers.Layer):
    def call(self, x):
        runs.append("eagerly" if tf.executing_eagerly() else "traced")
        return x


def python_runs(label, work):
    runs.clear()
    result = work()
    counted = {kind: runs.count(kind) for kind in ("traced", "eagerly")}
    print(
        f"{label:<34}", ", ".join(f"{n} {kind}" for kind, n in counted.items())
    )
    return result


x, y = tf.ones([32, 2]), tf.zeros([32, 1])
print("how often the layer's Python ran:")
model = python_runs(
    "building the model",
    lambda: keras.Sequential(
        [keras.Input((2,)), Probe(), keras.layers.Dense(1)]
    ),
)
model.compile(optimizer="sgd", loss="mse")
python_runs(
    "fit, 3 epochs of 4 batches",
    lambda: model.fit(x, y, batch_size=8, epochs=3, verbose=0),
)
python_runs(
    "fit again", lambda: model.fit(x, y, batch_size=8, epochs=3, verbose=0)
)
python_runs(
    "evaluate, 4 batches", lambda: model.evaluate(x, y, batch_size=8, verbose=0)
)
python_runs(
    "evaluate, batches of 5 and a 2",
    lambda: model.evaluate(x, y, batch_size=5, verbose=0),
)
python_runs(
    "predict, 4 batches", lambda: model.predict(x, batch_size=8, verbose=0)
)
python_runs(
    "predict, batches of 5 and a 2",
    lambda: model.predict(x, batch_size=5, verbose=0),
)
python_runs("model(x), twice", lambda: [model(x), model(x)])

import warnings

import keras
import tensorflow as tf

runs = []  # (function, executing eagerly?) each time its Python runs


class Probe(keras.layers.Layer):
    def call(self, x):
        runs.append(("call", tf.executing_eagerly()))
        return x


def probe_loss(y_true, y_pred):
    runs.append(("loss", tf.executing_eagerly()))
    return tf.reduce_mean(tf.square(y_true - y_pred))


class ProbeModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.probe, self.dense = Probe(), keras.layers.Dense(1)

    def call(self, x):
        return self.dense(self.probe(x))

    def train_step(self, data):
        runs.append(("step", tf.executing_eagerly()))
        return super().train_step(data)


def mode(name, batches):
    """eager: ran eagerly on every batch; graph: only while Keras traced."""
    eager = runs.count((name, True))
    if eager == batches:
        return "eager"
    if eager == 0 and runs.count((name, False)):
        return "graph"
    return f"{eager}/{batches}"  # anything else, shown as it is


x, y = tf.ones([8, 2]), tf.zeros([8, 1])  # 2 batches of 4
WIDTHS = [46, 19, 13, 8, 9, 12, 0]  # the table's columns


def row(*cells):
    print("".join(f"{c!s:<{w}}" for c, w in zip(cells, WIDTHS)).rstrip())


def entry_points(model):  # each call, whose Python it watches, batches
    yield lambda: model.fit(x, y, batch_size=4, verbose=0), "step call loss", 2
    yield lambda: model.evaluate(x, y, batch_size=4, verbose=0), "call loss", 2
    yield lambda: model.predict(x, batch_size=4, verbose=0), "call", 2
    yield lambda: model(x), "call", 1


def case(run_functions_eagerly=False, **options):
    switch = [f"{k}={v!r}".replace("'", '"') for k, v in options.items()]
    if run_functions_eagerly:
        switch.insert(0, "run_functions_eagerly(True)")
    tf.config.run_functions_eagerly(run_functions_eagerly)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = ProbeModel()
        model.compile(optimizer="sgd", loss=probe_loss, **options)
        cells = []
        for call, names, batches in entry_points(model):
            runs.clear()
            call()
            cells.append(" ".join(mode(n, batches) for n in names.split()))
    tf.config.run_functions_eagerly(False)
    row(", ".join(switch), *cells, model.run_eagerly, model.jit_compile)
    for warning in dict.fromkeys(
        f"{w.category.__name__}: {w.message}" for w in caught
    ):
        line = warning.splitlines()[0]
        if len(line) > 104:  # cut at a word, to keep the table's width
            line = line[:104].rsplit(" ", 1)[0] + " …"
        print("  ^", line)


logger = tf.get_logger()
level = logger.level
# Each model traces new step functions; TensorFlow's retracing warning
# would count them together. Silenced here, restored below.
logger.setLevel("ERROR")
try:
    row("", "fit", "evaluate", "predict", "model(x)", "model.")
    row(
        "switch",
        "step  call  loss",
        "call  loss",
        "call",
        "call",
        "run_eagerly",
        "jit_compile",
    )
    case(run_eagerly=False)
    case(run_eagerly=True)
    case(jit_compile=False)
    case(jit_compile=True)
    case(jit_compile="auto")
    case(run_eagerly=True, jit_compile=True)
    case(run_functions_eagerly=True)
    case(run_functions_eagerly=True, jit_compile=True)
finally:
    tf.config.run_functions_eagerly(False)
    logger.setLevel(level)

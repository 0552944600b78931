import statistics
import time

import keras
import tensorflow as tf

import bench

began = time.perf_counter()
x = tf.ones([1000])


def tiny(x):
    return x * 2.0 + 1.0


def chain50(x):
    for _ in range(50):
        x = tf.sin(x)
    return x


def seconds(call, *args):
    """One call, waited for: what a first call costs."""
    start = time.perf_counter()
    call(*args)
    bench.sync()
    return time.perf_counter() - start


def per_call(call, *args, calls=50):
    """Back-to-back calls, one wait at the end: as bench.compare measures."""
    start = time.perf_counter()
    for _ in range(calls):
        call(*args)
    bench.sync()
    return (time.perf_counter() - start) / calls


def fresh(fn, i, options):
    """A new tf.function with its own constant, so that neither its trace nor
    its XLA program can come from an earlier one's cache."""
    return tf.function(lambda x: fn(x) + float(i), **options)


print(bench.machine())
for name, fn in [("tiny function", tiny), ("50-op chain", chain50)]:
    for label, options in [
        ("tf.function", {}),
        ("+ XLA", {"jit_compile": True}),
    ]:
        firsts, cached = [], []
        for i in range(3):
            compiled = fresh(fn, i, options)
            firsts.append(seconds(compiled, x))  # traces (and compiles)
            cached.append(per_call(compiled, x))
        first, again = statistics.median(firsts), statistics.median(cached)
        print(
            f"{name:13} {label:11} first call {first * 1e3:6.1f} ms,"
            f" cached {again * 1e6:6.1f} µs: {first / again:4.0f}x"
        )

# A Keras training step, built from nothing: its first call also creates the
# optimizer's variables, so TensorFlow traces it twice.
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input([16]), keras.layers.Dense(8)])
optimizer = keras.optimizers.Adam()
features, targets = tf.ones([32, 16]), tf.zeros([32, 8])


@tf.function
def train_step(features, targets):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(features) - targets) ** 2)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


first = seconds(train_step, features, targets)
traces = train_step.experimental_get_tracing_count()
again = per_call(train_step, features, targets, calls=20)
print(
    f"Keras train step          first call {first * 1e3:6.1f} ms,"
    f" cached {again * 1e6:6.1f} µs: {first / again:4.0f}x ({traces} traces)"
)

compiled = tf.function(lambda x, k: x * 2.0 + k)
compiled(x, 0.0)
cached = per_call(compiled, x, 0.0)
retrace = statistics.median(seconds(compiled, x, float(k)) for k in range(1, 4))
print(f"retrace (new Python float): {retrace / cached:.0f}x a cached call")
print(f"(measured in {time.perf_counter() - began:.1f} s)")

import keras
import tensorflow as tf

import bench

keras.utils.set_random_seed(0)


def make_step(widths, batch, **function_options):
    model = keras.Sequential([keras.Input((widths[0],))])
    for width in widths[1:]:
        model.add(keras.layers.Dense(width, activation="relu"))
    optimizer = keras.optimizers.SGD(0.01)
    optimizer.build(model.trainable_variables)
    x, y = (
        tf.random.normal([batch, widths[0]]),
        tf.random.normal([batch, widths[-1]]),
    )

    def step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((model(x) - y) ** 2)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(
            zip(grads, model.trainable_variables, strict=True)
        )
        return loss

    return tf.function(step, **function_options) if function_options else step


print(bench.machine())
for size, widths, batch in [
    ("small", [32, 64, 64, 1], 64),
    ("medium", [256, 512, 512, 10], 256),
]:
    modes = {
        "eager": make_step(widths, batch),
        "tf.function": make_step(widths, batch, jit_compile=False),
        "tf.function + XLA": make_step(widths, batch, jit_compile=True),
    }
    print(f"{size} MLP {widths}, batch {batch}:")
    bench.report(bench.compare(modes, calls=10, rounds=9), baseline="eager")

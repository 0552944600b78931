import keras
import tensorflow as tf

import bench

STEPS = 128  # batches per epoch: fit's own start-up cost spreads thin
x, y = tf.random.normal([8 * STEPS, 4]), tf.random.normal([8 * STEPS, 1])


def small_model(steps_per_execution):
    model = keras.Sequential(
        [
            keras.Input((4,)),
            keras.layers.Dense(8, activation="relu"),
            keras.layers.Dense(1),
        ]
    )
    model.compile(
        optimizer="sgd", loss="mse", steps_per_execution=steps_per_execution
    )
    return model


models = {n: small_model(n) for n in (1, 32)}
epochs = bench.compare(
    {
        f"steps_per_execution={n}": (
            lambda m=m: m.fit(x, y, batch_size=8, epochs=1, verbose=0)
        )
        for n, m in models.items()
    },
    calls=1,
    rounds=10,
)
print(bench.machine())
bench.report(epochs, baseline="steps_per_execution=1", unit="ms")
per_step = bench.per(epochs, STEPS, "step")
saved = per_step["steps_per_execution=1"] - per_step["steps_per_execution=32"]


@tf.function
def no_op(v):
    return v


calls = bench.compare({"no-op tf.function": lambda: no_op(x)}, 200, 10)
call = calls["no-op tf.function"][0] * 1e6
print(f"saved per step: {saved:.0f} µs; one tf.function call: {call:.0f} µs")
print(f"the saving per step is {saved / call:.1f}x one tf.function call")

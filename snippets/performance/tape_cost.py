import keras
import tensorflow as tf

import bench

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input((32,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1),
    ]
)
x, y = tf.random.normal([64, 32]), tf.random.normal([64, 1])


def forward():
    return tf.reduce_mean((model(x) - y) ** 2)


def gradient():  # the forward pass on a tape, then the backward pass
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x) - y) ** 2)
    return tape.gradient(loss, model.trainable_variables)


results = bench.compare(
    {
        "eager, forward": forward,
        "eager, gradient": gradient,
        "tf.function, forward": tf.function(forward),
        "tf.function, gradient": tf.function(gradient),
    },
    calls=20,
    rounds=10,
)
print(bench.machine())
bench.report(results, baseline="eager, gradient")

import random

import tensorflow as tf

random.seed(0)
tf.random.set_seed(0)
batches = iter([10, 20, 30])


@tf.function
def draw():
    python_value = next(batches) + random.random()  # both run at trace time
    return python_value, tf.random.uniform([])  # an op: new value each call


for _ in range(3):
    python_value, tf_value = draw()
    print(f"python: {python_value:.4f}   tf.random: {tf_value:.4f}")


@tf.function
def total(dataset):
    result = tf.constant(0)
    for batch in dataset:  # a tf.data.Dataset: iterated in the graph
        result += tf.reduce_sum(batch)
    return result


print(
    "tf.data:",
    total(tf.data.Dataset.range(10, output_type=tf.int32).batch(4)).numpy(),
)

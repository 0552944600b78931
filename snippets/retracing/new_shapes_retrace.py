import tensorflow as tf


@tf.function
def total(x):
    print("  tracing for shape", x.shape)
    return tf.reduce_sum(x)


for n in [1, 2, 3, 3]:
    total(tf.zeros([n]))
print("traces:", total.experimental_get_tracing_count())

import tensorflow as tf


@tf.function(reduce_retracing=True)
def total(x):
    print("  tracing for shape", x.shape)
    return tf.reduce_sum(x)


for n in [1, 2, 3, 4]:
    total(tf.zeros([n]))
print("shapes: ", total.experimental_get_tracing_count(), "traces")


@tf.function(reduce_retracing=True)
def times(x, k):
    return x * k


for k in [1, 2, 3, 4]:
    times(tf.constant(1), k)  # Python ints are still traced by value
print("Python ints:", times.experimental_get_tracing_count(), "traces")

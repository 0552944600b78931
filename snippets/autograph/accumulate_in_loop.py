import tensorflow as tf


@tf.function
def running_sums(values):
    sums = tf.TensorArray(tf.int32, size=0, dynamic_size=True)
    total = tf.constant(0)
    for i in tf.range(tf.size(values)):
        total += values[i]
        sums = sums.write(i, total)  # write returns the updated array
    return sums.stack()


print(running_sums(tf.constant([1, 2, 3, 4])).numpy())
print(running_sums(tf.constant([10, -10, 5])).numpy())

import tensorflow as tf


@tf.function
def doubles(values):
    out = tf.TensorArray(tf.int32, size=tf.size(values))
    for i in tf.range(tf.size(values)):
        out = out.write(i, values[i] * 2)
    return out.stack()  # results leave the graph as return values


print(doubles(tf.constant([1, 2, 3])).numpy())
print(doubles(tf.constant([4, 5])).numpy())

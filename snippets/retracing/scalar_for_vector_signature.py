import tensorflow as tf


@tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)])
def total(values):
    return tf.reduce_sum(values)


print("a vector:", total(tf.constant([1.0, 2.0])).numpy())
try:
    total(
        tf.constant(5.0)
    )  # a scalar has rank 0; [None] means rank 1, any length
except TypeError as error:
    print("a scalar:", str(error).split("`")[1])

print("reshaped to [-1]:", total(tf.reshape(tf.constant(5.0), [-1])).numpy())


@tf.function(input_signature=[tf.TensorSpec(shape=None, dtype=tf.float32)])
def total_any_rank(values):  # shape=None: any rank, any size
    return tf.reduce_sum(values)


print("shape=None, a scalar:", total_any_rank(tf.constant(5.0)).numpy())
print("shape=None, a vector:", total_any_rank(tf.constant([1.0, 2.0])).numpy())

import tensorflow as tf


@tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
def squared_norm(v):
    return tf.reduce_sum(v * v)


print(squared_norm(tf.constant([3.0, 4.0])).numpy())
print(squared_norm(tf.constant([1.0, 2.0, 2.0])).numpy())
print("traces:", squared_norm.experimental_get_tracing_count())

for wrong in [tf.constant([3, 4]), tf.constant([[3.0, 4.0]])]:  # dtype, rank
    try:
        squared_norm(wrong)
    except TypeError as error:
        print(f"{type(error).__name__}: {error}")
count = squared_norm.experimental_get_tracing_count()
print("traces after the rejected calls:", count)

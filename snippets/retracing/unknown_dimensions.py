import tensorflow as tf


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def describe(x):
    print("x.shape at trace time:  ", x.shape)  # static: the batch is unknown
    print("x.shape[0] at trace time:", x.shape[0])
    batch = tf.shape(x)[0]  # dynamic: a tensor, known when the graph runs
    print("tf.shape(x)[0] at trace:", batch)
    tf.print("tf.shape(x) when run:   ", tf.shape(x))
    return tf.reshape(x, [batch * 3])  # use tf.shape for sizes that vary


print(describe(tf.ones([2, 3])).shape)
print(describe(tf.ones([5, 3])).shape)
try:

    @tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
    def broken(x):
        return tf.reshape(x, [x.shape[0] * 3])  # None * 3 at trace time

    broken(tf.ones([2, 3]))
except TypeError as error:
    print("x.shape[0] * 3 ->", str(error).strip().splitlines()[-1].strip())

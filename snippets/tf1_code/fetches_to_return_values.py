import tensorflow as tf

# TF1: Session.run returns what you fetch, in the structure you fetch it.
with tf.Graph().as_default():
    x = tf.constant([1.0, 2.0, 3.0])
    total, mean = tf.reduce_sum(x), tf.reduce_mean(x)
    with tf.compat.v1.Session() as sess:
        fetched = sess.run({"total": total, "mean": mean})
print("TF1 fetched:", {k: type(v).__name__ for k, v in fetched.items()})
print("TF1 values: ", {k: float(v) for k, v in fetched.items()})


# TF2: the function returns the same structure, as tensors.
@tf.function
def stats(x):
    return {"total": tf.reduce_sum(x), "mean": tf.reduce_mean(x)}


returned = stats(tf.constant([1.0, 2.0, 3.0]))
print("TF2 returned:", {k: type(v).__name__ for k, v in returned.items()})
print("TF2 values:  ", {k: float(v) for k, v in returned.items()})

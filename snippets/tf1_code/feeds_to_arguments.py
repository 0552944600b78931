import tensorflow as tf

# TF1: a placeholder is filled through feed_dict on every run.
with tf.Graph().as_default():
    x = tf.compat.v1.placeholder(tf.float32, [None], name="x")
    y = x * 2
    with tf.compat.v1.Session() as sess:
        print("TF1 feed [1, 2, 3]:", sess.run(y, feed_dict={x: [1, 2, 3]}))
        print("TF1 feed [4, 5]:   ", sess.run(y, feed_dict={x: [4, 5]}))
        try:
            sess.run(y)  # nothing fed
        except tf.errors.InvalidArgumentError as e:
            fed = [ln for ln in e.message.splitlines() if "must feed" in ln]
            print("TF1 no feed: InvalidArgumentError:", fed[0])


# TF2: the placeholder becomes an argument.
@tf.function
def double(x):
    return x * 2


print("TF2 call [1, 2, 3]:", double(tf.constant([1.0, 2, 3])).numpy())
print("TF2 call [4, 5]:   ", double(tf.constant([4.0, 5])).numpy())
try:
    double()  # nothing passed
except TypeError as e:
    print("TF2 no argument: TypeError:", str(e).splitlines()[0])

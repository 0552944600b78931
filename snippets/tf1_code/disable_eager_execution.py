import tensorflow as tf

tf.compat.v1.disable_eager_execution()  # at program start, for good


def first_line(e):
    return type(e).__name__ + ": " + str(e).splitlines()[0]


print("tf.executing_eagerly():", tf.executing_eagerly())
t = tf.constant([1.0, 2.0])
print("tf.constant:  ", t)
try:
    t.numpy()
except AttributeError as e:
    print(".numpy():     ", first_line(e))


@tf.function
def double(x):
    return x * 2


result = double(t)
print("tf.function:  ", type(result).__name__, "(a call op in the graph)")
with tf.compat.v1.Session() as sess:
    print("  run in a Session:", sess.run(result))

dataset = tf.data.Dataset.range(3)
try:
    for _ in dataset:
        pass
except RuntimeError as e:
    print("for x in ds:  ", first_line(e))
next_item = tf.compat.v1.data.make_one_shot_iterator(dataset).get_next()
with tf.compat.v1.Session() as sess:
    items = [int(sess.run(next_item)) for _ in range(3)]
print("  one-shot iterator in a Session:", items)

try:
    tf.compat.v1.enable_eager_execution()
except ValueError as e:
    print("enable_eager_execution():", first_line(e))

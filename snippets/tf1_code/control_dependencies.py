import tensorflow as tf

# TF1: a Session runs only what the fetches need.
with tf.Graph().as_default():
    count = tf.compat.v1.get_variable("count", initializer=0)
    increment = count.assign_add(1)
    x = tf.constant(10)
    y_alone = x + 1
    with tf.control_dependencies([increment]):
        y_after = x + 1
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        for _ in range(3):
            sess.run(y_alone)
        print("TF1 without control_dependencies, count:", sess.run(count))
        for _ in range(3):
            sess.run(y_after)
        print("TF1 with control_dependencies, count:   ", sess.run(count))

# TF2: stateful ops in a tf.function run, in program order.
count = tf.Variable(0)


@tf.function
def step(x):
    count.assign_add(1)  # nothing uses its result; it runs anyway
    return x + 1


for _ in range(3):
    step(tf.constant(10))
print("TF2 tf.function, count:", count.numpy())

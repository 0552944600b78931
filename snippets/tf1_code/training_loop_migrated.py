import keras
import numpy as np
import tensorflow as tf

# The same data and initial weights for both versions.
rng = np.random.default_rng(0)
x_data = rng.normal(size=(64, 3)).astype("float32")
y_data = x_data @ np.array([[2.0], [-1.0], [0.5]], "float32") + 1.0
w_start = rng.normal(size=(3, 1)).astype("float32")
STEPS, LEARNING_RATE = 5, 0.1

# TF1: placeholders, a train op, and a Session that runs it.
with tf.Graph().as_default():
    x = tf.compat.v1.placeholder(tf.float32, [None, 3])
    y = tf.compat.v1.placeholder(tf.float32, [None, 1])
    w = tf.compat.v1.get_variable("w", initializer=w_start)
    b = tf.compat.v1.get_variable("b", initializer=tf.zeros([1]))
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
    sgd = tf.compat.v1.train.GradientDescentOptimizer(LEARNING_RATE)
    train_op = sgd.minimize(loss)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        feed = {x: x_data, y: y_data}
        tf1 = [sess.run([loss, train_op], feed)[0] for _ in range(STEPS)]

# TF2: tf.Variables, a tf.function step, arguments instead of feeds.
w = tf.Variable(w_start)
b = tf.Variable(tf.zeros([1]))
optimizer = keras.optimizers.SGD(LEARNING_RATE)
optimizer.build([w, b])  # its variables exist before the first trace


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
    grads = tape.gradient(loss, [w, b])
    optimizer.apply_gradients(zip(grads, [w, b]))
    return loss


tf2 = [train_step(x_data, y_data).numpy() for _ in range(STEPS)]

print("step  TF1 loss  TF2 loss")
for step, (one, two) in enumerate(zip(tf1, tf2)):
    print(f"{step:4}  {one:8.4f}  {two:8.4f}")
same = [f"{v:.4f}" for v in tf1] == [f"{v:.4f}" for v in tf2]
print("curves match to 4 decimals:", same)

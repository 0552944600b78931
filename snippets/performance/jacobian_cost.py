import tensorflow as tf

import bench

# Eagerly, pfor traces a new tf.function on every call, and TensorFlow warns
# about the retracing (shown in the Gradients chapter): left out here.
tf.get_logger().setLevel("ERROR")
tf.random.set_seed(0)
W = tf.random.normal([32, 32])
x = tf.random.normal([32])


def jacobian(x, pfor):
    with tf.GradientTape(persistent=not pfor) as tape:
        tape.watch(x)
        y = tf.tanh(tf.linalg.matvec(W, x))  # 32 outputs of 32 inputs
    return tape.jacobian(y, x, experimental_use_pfor=pfor)


in_graph = tf.function(jacobian)
results = bench.compare(
    {
        "eager, pfor": lambda: jacobian(x, pfor=True),
        "eager, while loop": lambda: jacobian(x, pfor=False),
        "tf.function, pfor": lambda: in_graph(x, pfor=True),
        "tf.function, while loop": lambda: in_graph(x, pfor=False),
    },
    calls=4,
    rounds=10,
)
print(bench.machine())
bench.report(results, baseline="eager, pfor", unit="ms")

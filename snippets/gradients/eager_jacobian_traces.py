import tensorflow as tf

x = tf.constant([1.0, 2.0, 3.0])
for call in range(1, 6):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x**2
    tape.jacobian(y, x)  # eagerly, pfor wraps the work in a new tf.function
    print(f"eager jacobian {call} done")

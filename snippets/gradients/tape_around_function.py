import tensorflow as tf

w = tf.Variable(3.0)


@tf.function
def inner(x):
    return tf.sin(x) * w


@tf.function
def outer(x):
    return inner(x) * 2.0


x = tf.constant(1.0)
with tf.GradientTape() as tape:  # an eager tape around a graph call
    tape.watch(x)
    y = outer(x)
d_x, d_w = tape.gradient(y, [x, w])
print(f"through outer and inner: dy/dx {d_x:.4f}  dy/dw {d_w:.4f}")

with tf.GradientTape() as tape:  # the same maths, eagerly
    tape.watch(x)
    y = tf.sin(x) * w * 2.0
d_x, d_w = tape.gradient(y, [x, w])
print(f"eagerly:                 dy/dx {d_x:.4f}  dy/dw {d_w:.4f}")

graph = outer.get_concrete_function(x).graph
print("outer's graph:", sorted(op.type for op in graph.get_operations()))

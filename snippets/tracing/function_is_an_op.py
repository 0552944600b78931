import tensorflow as tf


@tf.function
def inner(x):
    print("  tracing inner")
    return x * x


@tf.function
def outer(x):
    print("  tracing outer")
    return inner(x) + 1


x = tf.Variable(3.0)
with tf.GradientTape() as tape:
    y = outer(x)
print("outer(3) =", y.numpy(), " d/dx =", tape.gradient(y, x).numpy())
graph = outer.get_concrete_function(tf.TensorSpec([], tf.float32)).graph
print(
    "ops in outer's graph:", sorted({op.type for op in graph.get_operations()})
)

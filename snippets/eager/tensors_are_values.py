import tensorflow as tf

a = tf.constant([[1.0, 2.0], [3.0, 4.0]])
b = tf.constant([[5.0, 6.0], [7.0, 8.0]])
c = tf.matmul(a, b)  # runs now: c already holds the product

print(c)
print("type: ", type(c).__name__)
print("shape:", c.shape, " dtype:", c.dtype.name)
element = c[1, 0]  # indexing gives another tensor
print("c[1, 0]:", type(element).__name__)
print("c[1, 0].numpy():", type(element.numpy()).__name__, element.numpy())

import tensorflow as tf

counter = tf.Variable(0)
table = tf.Variable([0, 0, 0, 0])


@tf.function
def record(index):
    counter.assign_add(1)
    table.scatter_nd_update([[index]], [counter.read_value()])


for index in [2, 0, 3]:
    record(tf.constant(index))
print("counter:", counter.numpy(), " table:", table.numpy())

counter.assign(0)  # state persists until you change it
print("after assign(0):", counter.numpy())

# For tensors (immutable), the same update returns a new tensor.
t = tf.constant([0, 0, 0, 0])
print(
    "tensor_scatter_nd_update:",
    tf.tensor_scatter_nd_update(t, [[1]], [7]).numpy(),
)

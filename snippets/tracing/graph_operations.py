import tensorflow as tf


@tf.function
def affine(x, w, b):
    return tf.matmul(x, w) + b


concrete = affine.get_concrete_function(
    tf.TensorSpec([None, 3], tf.float32),
    tf.TensorSpec([3, 2], tf.float32),
    tf.TensorSpec([2], tf.float32),
)
for op in concrete.graph.get_operations():
    print(f"{op.name:10} {op.type:12} inputs: {[t.name for t in op.inputs]}")

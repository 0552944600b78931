import tensorflow as tf


@tf.function
def affine(x, w, b):
    return tf.matmul(x, w) + b


concrete = affine.get_concrete_function(
    tf.TensorSpec([None, 3], tf.float32),
    tf.TensorSpec([3, 2], tf.float32),
    tf.TensorSpec([2], tf.float32),
)
graph_def = concrete.graph.as_graph_def()  # the serializable protobuf
print("nodes:", [node.name for node in graph_def.node])
matmul = next(node for node in graph_def.node if node.op == "MatMul")
# A NodeDef: op, inputs and attributes, as a SavedModel stores it.
print("op:", matmul.op, " inputs:", list(matmul.input))
for key in sorted(matmul.attr):
    print(f"  attr {key}: {str(matmul.attr[key]).strip()}")

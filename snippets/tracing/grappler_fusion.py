import numpy as np
import tensorflow as tf


@tf.function
def dense_relu(x, w, b):
    return tf.nn.relu(tf.nn.bias_add(tf.matmul(x, w), b))


specs = [
    tf.TensorSpec(s, tf.float32, n)
    for s, n in [([8, 4], "x"), ([4, 2], "w"), ([2], "b")]
]
traced = dense_relu.get_concrete_function(*specs).graph.as_graph_def()
print("traced ops:   ", sorted(node.op for node in traced.node))

# A v1 Session can report the graph it really ran, after Grappler's rewrites.
with tf.Graph().as_default():
    feeds = [tf.compat.v1.placeholder(s.dtype, s.shape) for s in specs]
    mapping = {
        f"{s.name}:0": feed for s, feed in zip(specs, feeds, strict=True)
    }
    (out,) = tf.graph_util.import_graph_def(traced, mapping, ["Relu:0"])
    metadata = tf.compat.v1.RunMetadata()
    with tf.compat.v1.Session() as session:
        session.run(
            out,
            {feed: np.ones(feed.shape, np.float32) for feed in feeds},
            options=tf.compat.v1.RunOptions(output_partition_graphs=True),
            run_metadata=metadata,
        )
optimized = metadata.partition_graphs[0]
print("optimized ops:", sorted(node.op for node in optimized.node))
fused = next(node for node in optimized.node if "Fused" in node.op)
print(
    fused.op,
    "computes MatMul +",
    [s.decode() for s in fused.attr["fused_ops"].list.s],
)

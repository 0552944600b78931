import pathlib
import re
import tempfile

import numpy as np
import tensorflow as tf

# The profiler's trace schema: not a public API (see "Seeing where time goes").
from tensorflow.tsl.profiler.protobuf import xplane_pb2


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

# The tf.function's own run: the profiler names each op it executed, as
# "node:kernel". Its events show what Grappler left of the traced graph.
x, w, b = (tf.ones(spec.shape) for spec in specs)
dense_relu(x, w, b)  # the concrete function above: no new trace
logdir = tempfile.mkdtemp()
tf.profiler.experimental.start(logdir)
dense_relu(x, w, b).numpy()
tf.profiler.experimental.stop()
space = xplane_pb2.XSpace()
space.ParseFromString(
    next(pathlib.Path(logdir).rglob("*.xplane.pb")).read_bytes()
)
ran = sorted(
    {
        plane.event_metadata[event.metadata_id].name
        for plane in space.planes
        for line in plane.lines
        for event in line.events
        if re.fullmatch(
            r"\w+:_?[A-Z]\w*", plane.event_metadata[event.metadata_id].name
        )
    }
)
print("the tf.function ran (node:kernel):", ran)

from collections import Counter

import tensorflow as tf

batch = [[1.0, 1.0], [2.0, 0.0]]

# TF1: build a graph, then run it in a Session.
v1_graph = tf.Graph()
with v1_graph.as_default():
    x = tf.compat.v1.placeholder(tf.float32, [None, 2], name="x")
    w = tf.compat.v1.get_variable("w", initializer=[[1.0], [2.0]])
    b = tf.compat.v1.get_variable("b", initializer=[0.5])
    y = tf.matmul(x, w) + b
    init = tf.compat.v1.global_variables_initializer()
with tf.compat.v1.Session(graph=v1_graph) as sess:
    sess.run(init)
    print("TF1 Session.run:", sess.run(y, feed_dict={x: batch}).tolist())
print("eager after the graph block:", tf.executing_eagerly())

# TF2: variables hold values; the input is an argument.
w2 = tf.Variable([[1.0], [2.0]], name="w")
b2 = tf.Variable([0.5], name="b")


@tf.function
def model(x):
    return tf.matmul(x, w2) + b2


print("TF2 tf.function:", model(tf.constant(batch)).numpy().tolist())
function_graph = model.get_concrete_function(
    tf.TensorSpec([None, 2], tf.float32)
).graph

v1_ops = Counter(op.type for op in v1_graph.get_operations())
fn_ops = Counter(op.type for op in function_graph.get_operations())
print(f"{'op type':18} {'TF1 graph':>9} {'tf.function':>11}")
for op_type in sorted(v1_ops | fn_ops):
    print(f"{op_type:18} {v1_ops[op_type]:9} {fn_ops[op_type]:11}")
print(f"{'total':18} {v1_ops.total():9} {fn_ops.total():11}")

import tensorflow as tf


@tf.function
def total(dataset):
    print("tracing total")
    result = tf.constant(0, tf.int64)
    for x in dataset:  # AutoGraph: dataset ops that run the loop in the graph
        result += x
    return result


print("sum of 1..5:", total(tf.data.Dataset.range(1, 6)).numpy())
print("sum of 0..99:", total(tf.data.Dataset.range(100)).numpy())
print("traces:", total.experimental_get_tracing_count())

graph = total.get_concrete_function(tf.data.Dataset.range(1, 6)).graph
print("ops in the graph:", ", ".join(op.type for op in graph.get_operations()))
library = graph.as_graph_def().library.function  # in no fixed order
for function in sorted(library, key=lambda f: f.signature.name):
    if "body" in function.signature.name:  # the loop's body, as a function
        ops = ", ".join(node.op for node in function.node_def)
        print(" ", function.signature.name, "holds", ops)

import tensorflow as tf


@tf.function
def activate(x, use_relu):
    if use_relu:  # a Python bool: decided while tracing, baked into the graph
        return tf.nn.relu(x)
    return tf.tanh(x)


x = tf.constant([-1.0, 2.0])
for use_relu in [True, False, True]:
    print(f"use_relu={use_relu}:", activate(x, use_relu).numpy())
print("traces:", activate.experimental_get_tracing_count())

for flag in [True, False]:
    graph = activate.get_concrete_function(x, flag).graph
    print(f"graph for {flag}:", [op.type for op in graph.get_operations()])

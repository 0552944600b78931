import tensorflow as tf


@tf.function
def halvings(n):
    steps = tf.constant(0)
    while n > 1:  # a tensor condition: becomes a While op
        n //= 2
        steps += 1
    return steps


for n in [1, 8, 1000]:
    print(f"halvings({n}) =", halvings(tf.constant(n)).numpy())
print("traces:", halvings.experimental_get_tracing_count())
graph = halvings.get_concrete_function(tf.constant(1)).graph
print(
    "loop ops:",
    [op.type for op in graph.get_operations() if "While" in op.type],
)

import textwrap

import tensorflow as tf


@tf.function
def sum_of_evens(n):
    total = tf.constant(0)
    for i in tf.range(n):  # AutoGraph turns this loop and the if into graph ops
        if i % 2 == 0:
            total += i
    tf.print("sum of evens below", n, "is", total)  # runs on every call
    return total


sum_of_evens(tf.constant(10))
sum_of_evens(tf.constant(7))

concrete = sum_of_evens.get_concrete_function(tf.TensorSpec([], tf.int32))
ops = concrete.graph.get_operations()
op_types = sorted({op.type for op in ops})
print("op types in the graph:")
print(textwrap.fill(", ".join(op_types), width=60))
print("loop ops:", [op.type for op in ops if "While" in op.type])

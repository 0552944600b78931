import tensorflow as tf


@tf.function
def absolute(x):
    print("tracing")
    if x >= 0:  # x is a tensor: AutoGraph builds a conditional op
        return x
    else:
        return -x


print(absolute(tf.constant(3)).numpy(), absolute(tf.constant(-4)).numpy())
print("traces:", absolute.experimental_get_tracing_count())
concrete = absolute.get_concrete_function(tf.TensorSpec([], tf.int32))
print("ops:", [op.type for op in concrete.graph.get_operations()])

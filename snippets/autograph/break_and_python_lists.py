import tensorflow as tf


@tf.function
def first_power_above(limit):
    power = tf.constant(1)
    while True:  # a Python condition, left by a tensor `break`
        if power > limit:
            break
        power *= 2
    return power


try:
    first_power_above(tf.constant(100))
except NotImplementedError as error:
    reason = str(error).split("NotImplementedError: ")[-1].split(". ")[0]
    print("NotImplementedError:", reason)


@tf.function
def first_power_above_fixed(limit):
    power = tf.constant(1)
    while power <= limit:  # the tensor test in the loop's own condition
        power *= 2
    return power


print("fixed:", first_power_above_fixed(tf.constant(100)).numpy())


@tf.function
def total(tensors):
    result = tf.constant(0.0)
    for t in tensors:  # a Python list: unrolled, one copy of the body each
        result += tf.reduce_sum(t)
    return result


values = [tf.constant([1.0, 2.0]), tf.constant([3.0]), tf.constant([4.0, 5.0])]
print("total:", total(values).numpy())
graph = total.get_concrete_function(values).graph
print(
    "Sum ops in the graph:",
    [op.type for op in graph.get_operations()].count("Sum"),
)

import tensorflow as tf


def unused_gather(x):
    tf.gather(x, [5])  # index 5 is out of range; the result is never used
    return x


try:
    unused_gather(tf.constant([1, 2, 3]))
except tf.errors.InvalidArgumentError as error:
    print("eager:", type(error).__name__, "-", error.message.splitlines()[0])

graph_version = tf.function(unused_gather)
print("tf.function:", graph_version(tf.constant([1, 2, 3])))


@tf.function
def checked(x):
    tf.debugging.assert_less(tf.size(x), 3)  # stateful: always kept
    return x


try:
    checked(tf.constant([1, 2, 3]))
except tf.errors.InvalidArgumentError as error:
    print("tf.debugging assert:", type(error).__name__)

# Why one is pruned and the other kept: only stateful ops always run.
for fn in (graph_version, checked):
    graph = fn.get_concrete_function(tf.TensorSpec([None], tf.int32)).graph
    for op in graph.get_operations():
        if op.type in ("GatherV2", "Assert"):
            print(f"{op.type}: stateful={op.op_def.is_stateful}")

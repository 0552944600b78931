import tensorflow as tf

import bench

x = tf.ones([10])


@tf.function
def no_op(x):
    return x


@tf.function
def one_op(x):
    return tf.sin(x)


concrete = one_op.get_concrete_function(x)  # traces one_op, before timing

results = bench.compare(
    {
        "one eager op": lambda: tf.sin(x),
        "no-op tf.function": lambda: no_op(x),
        "one-op tf.function": lambda: one_op(x),
        "one-op ConcreteFunction": lambda: concrete(x),
    },
    calls=200,
    rounds=20,  # the one-op modes are close: more rounds, steadier medians
)
print(bench.machine())
traced = {"one-op tf.function", "one-op ConcreteFunction"}
bench.report(results, baseline="one eager op", traced_before=traced)

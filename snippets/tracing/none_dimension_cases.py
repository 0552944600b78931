import tensorflow as tf


@tf.function
def total(x):
    return tf.reduce_sum(x)


def row(call, result):
    traces = total.experimental_get_tracing_count()
    print(f"{call:44}  {traces:6}  {result}")


print(f"{'call':44}  traces  result")
any_length = tf.TensorSpec([None], tf.float32)  # a vector of any length
cf = total.get_concrete_function(any_length)
row("cf = total.get_concrete_function(any_length)", type(cf).__name__)
cases = {  # what the call reads like: the call
    "total(tf.ones([2]))": lambda: total(tf.ones([2])),
    "total(tf.ones([3]))": lambda: total(tf.ones([3])),
    "cf(tf.ones([5]))": lambda: cf(tf.ones([5])),
    "total(tf.ones([]))": lambda: total(tf.ones([])),
    "total(tf.ones([2, 2]))": lambda: total(tf.ones([2, 2])),
    "total(tf.ones([2], tf.int32))": lambda: total(tf.ones([2], tf.int32)),
}
for call, run in cases.items():
    row(call, run().numpy())

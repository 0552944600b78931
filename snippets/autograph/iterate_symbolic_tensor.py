import tensorflow as tf


@tf.function
def doubled(v):
    return tf.stack(
        [e * 2 for e in v]
    )  # Python iterates: a trace has no elements


try:
    doubled(tf.constant([1, 2, 3]))
except tf.errors.OperatorNotAllowedInGraphError as error:
    print(str(error).strip().splitlines()[-1].strip().split(". ")[0] + ".")


@tf.function
def doubled_loop(v):
    out = tf.TensorArray(tf.int32, size=tf.shape(v)[0])
    for i in tf.range(tf.shape(v)[0]):  # a for statement: AutoGraph converts it
        out = out.write(i, v[i] * 2)
    return out.stack()


print("for statement:", doubled_loop(tf.constant([1, 2, 3])).numpy())
print(
    "one op, no loop:",
    tf.function(lambda v: v * 2)(tf.constant([1, 2, 3])).numpy(),
)

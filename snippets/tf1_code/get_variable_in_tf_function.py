import tensorflow as tf


def dense(x, scope, reuse=None):
    """TF1 layer code: get_variable creates or finds weights by name."""
    print("  building", scope)
    with tf.compat.v1.variable_scope(scope, reuse=reuse):
        w = tf.compat.v1.get_variable(
            "w", [2, 1], initializer=tf.compat.v1.ones_initializer()
        )
        w.assign_add(tf.ones_like(w))  # state: +1 on every run
        return tf.matmul(x, w)


# The store lives in the global default graph: start from an empty one.
tf.compat.v1.reset_default_graph()
x = tf.constant([[1.0, 1.0]])

print("TF1 graph, the layer called twice:")
with tf.Graph().as_default():
    ones = tf.ones([1, 2])
    dense(ones, "graph")
    try:
        dense(ones, "graph")
    except ValueError as e:
        print("ValueError:", str(e).splitlines()[0])

print("tf.function:")
plain = tf.function(lambda x: dense(x, "plain"))
try:
    plain(x)
except AttributeError as e:  # AutoGraph puts the original message last
    print(str(e).strip().splitlines()[-1].strip())

print("tf.function, reuse=AUTO_REUSE:")
reusing = tf.function(lambda x: dense(x, "shared", tf.compat.v1.AUTO_REUSE))
print("  calls:", [reusing(x).numpy().item() for _ in range(3)])
concrete = reusing.get_concrete_function(x)
print("  variables:", [v.name for v in concrete.variables])

print("another tf.function, same scope:")
other = tf.function(lambda x: dense(x, "shared", tf.compat.v1.AUTO_REUSE))
print("  calls:", [other(x).numpy().item() for _ in range(3)])

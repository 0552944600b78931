import tensorflow as tf

# TF1: a variable has no value until its initializer runs in the Session.
with tf.Graph().as_default():
    w = tf.compat.v1.get_variable("w", initializer=[1.0, 2.0])
    with tf.compat.v1.Session() as sess:
        try:
            sess.run(w)
        except tf.errors.FailedPreconditionError as e:
            lines = e.message.splitlines()
            line = next(ln for ln in lines if "uninitialized" in ln)
            print("TF1 before init: FailedPreconditionError:")
            print("  " + line.split(" Debug info")[0])
        sess.run(tf.compat.v1.global_variables_initializer())
        print("TF1 after init:", sess.run(w))

# TF2: creating the variable gives it its value, at once.
w = tf.Variable([1.0, 2.0], name="w")
print("TF2 at creation:", w.numpy())

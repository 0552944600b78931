import tensorflow as tf

# TF1: variables register themselves in the graph's collections.
with tf.Graph().as_default():
    with tf.compat.v1.variable_scope("dense"):
        tf.compat.v1.get_variable("kernel", initializer=[[1.0], [2.0]])
        tf.compat.v1.get_variable("bias", initializer=[0.0])
        tf.compat.v1.get_variable("steps", initializer=0, trainable=False)
    trainable = tf.compat.v1.trainable_variables()
    print("TF1 trainable_variables():", [v.name for v in trainable])
    every = tf.compat.v1.global_variables()
    print("TF1 global_variables():   ", [v.name for v in every])


# TF2: a tf.Module finds the variables its attributes hold.
class Dense(tf.Module):
    def __init__(self):
        super().__init__(name="dense")
        with self.name_scope:
            self.kernel = tf.Variable([[1.0], [2.0]], name="kernel")
            self.bias = tf.Variable([0.0], name="bias")
            self.steps = tf.Variable(0, trainable=False, name="steps")


layer = Dense()
print("TF2 trainable_variables:", [v.name for v in layer.trainable_variables])
print("TF2 variables:          ", [v.name for v in layer.variables])
print("TF1 collections in eager mode:", tf.compat.v1.trainable_variables())

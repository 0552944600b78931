import os
import shutil
import tempfile

import tensorflow as tf

folder = tempfile.mkdtemp()

# TF1: a Saver writes the graph's variables, keyed by their names.
with tf.Graph().as_default():
    w = tf.compat.v1.get_variable("w", initializer=[1.0, 2.0])
    saver = tf.compat.v1.train.Saver()
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        v1_path = saver.save(sess, os.path.join(folder, "v1"))
print("TF1 Saver keys:     ", [k for k, _ in tf.train.list_variables(v1_path)])


# TF2: a Checkpoint writes the objects it is given, keyed by attribute path.
class Model(tf.Module):
    def __init__(self):
        self.w = tf.Variable([1.0, 2.0])


model = Model()
checkpoint = tf.train.Checkpoint(model=model)
v2_path = checkpoint.save(os.path.join(folder, "v2"))
print("TF2 Checkpoint keys:", [k for k, _ in tf.train.list_variables(v2_path)])

fresh = Model()
fresh.w.assign([0.0, 0.0])
tf.train.Checkpoint(model=fresh).restore(v2_path)
print("TF2 restored w:     ", fresh.w.numpy())

# A TF1 checkpoint's values, by name, into TF2 variables.
old = Model()
old.w.assign(tf.train.load_checkpoint(v1_path).get_tensor("w"))
print("TF1 value in TF2 w: ", old.w.numpy())
shutil.rmtree(folder)

import tensorflow as tf


class Model(tf.Module):
    def __init__(self):
        self.steps = tf.Variable(0)
        self.python_calls = 0  # a Python counter: updated only while tracing

    @tf.function
    def step(self):
        self.python_calls += 1
        if self.python_calls == 1:  # decided once, at trace time
            self.steps.assign_add(100)  # meant to happen on the first call only
        self.steps.assign_add(1)
        return self.steps


model = Model()
for _ in range(3):
    model.step()
print("guarded by a Python counter:", model.steps.numpy())  # 100 every call


class Fixed(tf.Module):
    def __init__(self):
        self.steps = tf.Variable(0)
        self.ready = False

    @tf.function
    def step(self):
        with tf.init_scope():  # run eagerly, once, outside the graph
            if not self.ready:
                self.steps.assign_add(100)
                self.ready = True
        self.steps.assign_add(1)
        return self.steps


fixed = Fixed()
for _ in range(3):
    fixed.step()
print("set up in tf.init_scope:     ", fixed.steps.numpy())

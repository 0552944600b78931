import tensorflow as tf


class Scaler(tf.Module):
    def __init__(self, factor, name=None):
        super().__init__(name=name)
        self.factor = tf.Variable(factor)

    @tf.function
    def __call__(self, x):
        print("  tracing for", self.name)
        return x * self.factor


x = tf.constant([1.0, 2.0])
first, second = Scaler(2.0, name="first"), Scaler(3.0, name="second")
print(first(x).numpy(), first(x).numpy())  # traced once for `first`
print(second(x).numpy())  # a new instance: its own trace
first.factor.assign(10.0)  # state in a variable: no retrace, new value used
print(first(x).numpy())
print("traces of first:", first.__call__.experimental_get_tracing_count())
print("traces of second:", second.__call__.experimental_get_tracing_count())

import tensorflow as tf


@tf.function
def make_and_use(x):
    v = tf.Variable(1.0)  # a new variable on every trace
    return v + x


try:
    make_and_use(tf.constant(1.0))
except ValueError as error:
    print(str(error).strip().splitlines()[-1].strip())


class Accumulator(tf.Module):
    def __init__(self):
        self.total = None

    @tf.function
    def __call__(self, x):
        if self.total is None:  # create once, on the first call
            self.total = tf.Variable(0.0)
        self.total.assign_add(x)
        return self.total.read_value()


acc = Accumulator()
print("first call:", acc(tf.constant(1.0)).numpy())
print("traces after one call:", acc.__call__.experimental_get_tracing_count())
print("second call:", acc(tf.constant(2.0)).numpy())
print("traces after two calls:", acc.__call__.experimental_get_tracing_count())

import tensorflow as tf


class Counter(tf.Module):
    def __init__(self):
        self.count = None

    @tf.function
    def __call__(self, start_counting):
        if start_counting and self.count is None:
            # Only a later call (a new trace, for the new Python bool) gets
            # here: the first call created no variable.
            self.count = tf.Variable(0)
        return (
            tf.constant(0) if self.count is None else self.count.assign_add(1)
        )


counter = Counter()
print("first call:", counter(False).numpy())
try:
    counter(True)
except ValueError as error:
    print("ValueError:", error)


class FixedCounter(tf.Module):
    def __init__(self):
        self.count = tf.Variable(0)  # created outside the function, once

    @tf.function
    def __call__(self, start_counting):
        if start_counting:
            return self.count.assign_add(1)
        return self.count.read_value()


fixed = FixedCounter()
print("fixed:", fixed(False).numpy(), fixed(True).numpy(), fixed(True).numpy())

import tensorflow as tf


class Counter(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.python_count = 0  # a Python int on self
        self.count = tf.Variable(0)  # a variable on self

    @tf.function
    def __call__(self, x):
        self.python_count += 1  # Python: runs when traced
        self.count.assign_add(1)  # an op: runs on every call
        return x + 1


first, second = Counter(name="first"), Counter(name="second")
for _ in range(3):
    first(tf.constant(1))
second(tf.constant(1))
for counter in (first, second):
    print(
        f"{counter.name}: python_count={counter.python_count}, "
        f"count={counter.count.numpy()}, "
        f"traces={counter.__call__.experimental_get_tracing_count()}"
    )
print("variables the module tracks:", [v.name for v in first.variables])

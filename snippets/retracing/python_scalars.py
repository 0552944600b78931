import tensorflow as tf


@tf.function
def power(x, exponent):
    return x**exponent


x = tf.constant(2.0)
for exponent in [1, 2, 3, 4]:
    power(x, exponent)  # a Python int: each value is a new trace
count = power.experimental_get_tracing_count()
print("Python ints:  ", count, "traces for 1, 2, 3, 4")


@tf.function
def power_t(x, exponent):
    return x**exponent


for exponent in [1.0, 2.0, 3.0, 4.0]:
    power_t(x, tf.constant(exponent))  # a tensor: one trace for all values
count = power_t.experimental_get_tracing_count()
print("tensors:      ", count, "trace for 4 values")

# Floats, strings and bools are keyed by value too. A fresh tf.function per
# kind would trip TensorFlow's retracing warning; here it is the point.
tf.get_logger().setLevel("ERROR")


def traces_for(values):
    """A fresh tf.function, called with each value in turn: its trace count."""

    @tf.function
    def keyed(x, setting):  # setting is unused, and still part of the key
        return x

    for value in values:
        keyed(x, value)
    return keyed.experimental_get_tracing_count()


for values in ([1.0, 2.0, 1.0], ["a", "b", "a"], [True, False, True]):
    kind = f"Python {type(values[0]).__name__}s"
    called = ", ".join(map(repr, values))
    print(f"{kind + ':':14} {traces_for(values)} traces for {called}")

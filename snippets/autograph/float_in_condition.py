import tensorflow as tf


def absolute(x):
    if float(x) > 0:  # AutoGraph makes float(x) a cast, and this `if` a tf.cond
        print("  tracing the x > 0 branch")
        return x
    print("  tracing the x <= 0 branch")
    return -x


converted = tf.function(absolute)
print("first call, x = 2.0:")
print("result:", converted(tf.constant(2.0)).numpy())
print("second call, x = -3.0 (no trace: the graph holds both branches):")
print("result:", converted(tf.constant(-3.0)).numpy())
print("traces:", converted.experimental_get_tracing_count())

for label, call in [
    (
        "autograph=False",
        lambda: tf.function(absolute, autograph=False)(tf.constant(2.0)),
    ),
    ("a vector", lambda: converted(tf.constant([2.0, -3.0]))),
]:
    try:
        call()
    except (TypeError, ValueError) as error:
        name = type(error).__name__
        last = (
            str(error)
            .strip()
            .splitlines()[-1]
            .strip()
            .removeprefix(name + ": ")
        )
        print(f"{label}: {name}: {last}")

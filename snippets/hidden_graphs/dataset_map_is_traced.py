import tensorflow as tf


def double(x):
    print("  print: map's function runs, eagerly?", tf.executing_eagerly(), x)
    tf.print("  tf.print: element", x)
    return 2 * x


def is_even(x):
    print("  print: filter's predicate runs, eagerly?", tf.executing_eagerly())
    return x % 2 == 0


print("building the pipeline:")
dataset = tf.data.Dataset.range(4).filter(is_even).map(double)
for run in ("first", "second"):
    print(f"iterating it, {run} time:")
    # Collected, then printed: tf.data may run ahead of the loop on its own
    # threads, so a print inside the loop could interleave either way.
    values = [int(value) for value in dataset]
    print("  got", values)

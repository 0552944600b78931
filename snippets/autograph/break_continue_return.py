import tensorflow as tf


@tf.function
def first_multiple(values, k):
    """Index of the first positive multiple of k, skipping negatives."""
    found = tf.constant(-1)
    for i in tf.range(tf.size(values)):
        if values[i] < 0:
            continue
        if values[i] % k == 0:
            found = i
            break
    return found


values = tf.constant([-6, 5, 7, 9, 12])
for k in [3, 4, 11]:
    found = first_multiple(values, tf.constant(k))
    print(f"first multiple of {k}: index", found.numpy())
print("traces:", first_multiple.experimental_get_tracing_count())

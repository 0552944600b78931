import tensorflow as tf


def clipped_sum(values, limit):
    total = 0
    for v in values:
        if total + v > limit:
            break
        total += v
    return total


print(tf.autograph.to_code(clipped_sum))

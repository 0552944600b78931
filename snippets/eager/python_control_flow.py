import tensorflow as tf


def collatz_steps(n):
    """Plain Python loops and ifs, deciding on tensor values as they go."""
    n = tf.constant(n)
    steps = 0
    while n != 1:  # a real bool: the comparison has already been computed
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


for start in [6, 7, 27]:
    print(f"collatz_steps({start}) = {collatz_steps(start)}")
print("bool(tf.constant(3) > 2) =", bool(tf.constant(3) > 2))

import tensorflow as tf


class Accumulator:
    def __init__(self):
        self.last = None

    def remember(self, value):  # a method: AutoGraph does not track self.last
        self.last = value


acc = Accumulator()


@tf.function
def loop(n):
    for i in tf.range(n):
        acc.remember(i * 2)  # assigns a tensor of the loop's inner graph
    return acc.last


try:
    loop(tf.constant(3))
except Exception as error:
    print(type(error).__name__ + ":", str(error).strip().splitlines()[-1])


@tf.function
def loop_fixed(n):
    last = tf.constant(0)
    for i in tf.range(n):
        last = i * 2  # a loop variable AutoGraph can see and carry
    return last


print("fixed:", loop_fixed(tf.constant(3)).numpy())

import tensorflow as tf


class Config:
    def __init__(self, scale):
        self.scale = scale


@tf.function
def apply(x, config):
    print("  tracing with scale", config.scale)
    return x * config.scale


x = tf.constant(1.0)
first, second = Config(2.0), Config(2.0)
print(apply(x, first).numpy(), apply(x, second).numpy())  # equal, not same

first.scale = 10.0  # the same object: the cached graph still multiplies by 2
print("after changing first.scale:", apply(x, first).numpy())
print("traces:", apply.experimental_get_tracing_count())

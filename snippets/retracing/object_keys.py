import collections
import dataclasses

import tensorflow as tf


class Plain:
    def __init__(self, scale):
        self.scale = scale


class WithEquality(Plain):
    def __eq__(self, other):
        return self.scale == other.scale

    def __hash__(self):
        return hash(self.scale)


@dataclasses.dataclass(frozen=True)
class Frozen:
    scale: float


class Slotted:
    """Hashable, but no __weakref__: cannot be weakly referenced."""

    __slots__ = ("scale",)

    def __init__(self, scale):
        self.scale = scale

    def __eq__(self, other):
        return self.scale == other.scale

    def __hash__(self):
        return hash(self.scale)


Scale = collections.namedtuple("Scale", ["scale"])
tf.get_logger().setLevel("ERROR")  # a fresh tf.function per kind is the point

for kind in (Plain, WithEquality, Frozen, Slotted, Scale):

    @tf.function
    def apply(x, config):
        return x * config.scale

    x = tf.constant(1.0)
    apply(x, kind(2.0))
    apply(x, kind(2.0))  # an equal object, not the same one
    equal = apply.experimental_get_tracing_count()
    apply(x, kind(3.0))  # an unequal one
    unequal = apply.experimental_get_tracing_count()
    print(
        f"{kind.__name__:12} two equal objects: {equal} trace(s);"
        f" an unequal third: {unequal}"
    )

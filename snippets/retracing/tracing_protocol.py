import tensorflow as tf

tf.get_logger().setLevel("ERROR")  # a fresh tf.function per case is the point


class ModeType(tf.types.experimental.TraceType):
    """The smallest trace type that works: a Config is keyed by its mode."""

    def __init__(self, config):
        self.config = config

    def is_subtype_of(self, other):
        return self == other

    def most_specific_common_supertype(self, others):
        return self if all(self == other for other in others) else None

    def placeholder_value(self, placeholder_context):
        return self.config  # what the body sees while it is traced

    def __eq__(self, other):
        if not isinstance(other, ModeType):
            return False
        return self.config.mode == other.config.mode

    def __hash__(self):
        return hash(self.config.mode)


class Config:
    def __init__(self, mode, scale=1.0):
        self.mode, self.scale = mode, scale

    def __tf_tracing_type__(self, context):
        return ModeType(self)

    def __repr__(self):
        return f"Config({self.mode!r})"


# What goes wrong: the same methods without __eq__ and __hash__, with __eq__
# but no __hash__, and a __tf_tracing_type__ that returns no TraceType.
class Bare(tf.types.experimental.TraceType):
    __init__ = ModeType.__init__
    is_subtype_of = ModeType.is_subtype_of
    most_specific_common_supertype = ModeType.most_specific_common_supertype
    placeholder_value = ModeType.placeholder_value


class EqualOnly(Bare):
    __eq__ = ModeType.__eq__  # Python sets __hash__ to None


class BareConfig(Config):
    def __tf_tracing_type__(self, context):
        return Bare(self)


class EqualOnlyConfig(Config):
    def __tf_tracing_type__(self, context):
        return EqualOnly(self)


class ModeConfig(Config):
    def __tf_tracing_type__(self, context):
        return self.mode  # a str


def result(config):
    factor = {"x2": 2.0, "x3": 3.0}[config.mode]
    return factor * config.scale


def row(case, *calls):
    """A fresh tf.function returning result(config), called on each config:
    the trace count after each call, and whether the last call's result is
    that config's ("new") or an earlier one's ("stale")."""
    f = tf.function(result)
    traces = []
    try:
        for config in calls:
            got = f(config).numpy()
            traces.append(f.experimental_get_tracing_count())
    except Exception as e:  # the message's first line, cut at a word to fit
        message = f"{type(e).__name__}: {str(e).splitlines()[0]} "
        print(f"{case:19} {'':6} {message[: message.rindex(' ', 0, 88)]}")
        return
    want = float(result(config))
    seen = "new" if got == want else f"stale: {got}, not {want}"
    print(f"{case:19} {' '.join(map(str, traces)):6} {seen}")


print(f"{'case':19} {'traces':6} last call saw")
row("modes x2, x2, x3", Config("x2"), Config("x2"), Config("x3"))
row("scale not in key", Config("x2", 1.0), Config("x2", 5.0))
one, five = tf.constant(1.0), tf.constant(5.0)
row("a tensor attribute", Config("x2", one), Config("x2", five))
row("no __eq__, __hash__", BareConfig("x2"))
row("__eq__, no __hash__", EqualOnlyConfig("x2"))
row("returns a str", ModeConfig("x2"))

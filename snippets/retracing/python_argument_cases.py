import dataclasses
import re

import tensorflow as tf

tf.get_logger().setLevel("ERROR")  # a fresh tf.function per case is the point


def row(case, read, calls):
    """A fresh tf.function returning read(arg), called on each argument in
    turn: the trace count after each call, and whether the last call's result
    is read() of that argument, run eagerly ("new"), or an earlier one's."""

    @tf.function
    def f(arg):
        return read(arg)

    traces = []
    try:
        for arg in calls:
            got = f(arg).numpy()
            traces.append(f.experimental_get_tracing_count())
    except Exception as e:  # keep the message's first sentence
        head = re.split(r"\.(?=[A-Z ])", str(e).splitlines()[0])[0]
        print(f"{case:28} {'':6} {type(e).__name__}: {head}")
        return
    want = tf.constant(read(arg)).numpy()
    seen = "new" if got == want else f"stale: {shown(got)}, not {shown(want)}"
    print(f"{case:28} {' '.join(map(str, traces)):6} {seen}")


def shown(value):
    return value.decode() if isinstance(value, bytes) else value


def mutated(obj):
    """The same object twice, its scale changed between the calls."""
    yield obj
    obj.scale = 3.0
    yield obj


def closure_changed():
    """The same function twice; the value its body reads changed between."""
    scale = 2.0
    fn = lambda t: t * scale  # noqa: E731
    yield fn
    scale = 3.0  # noqa: F841 (the lambda reads it)
    yield fn


class Plain:
    def __init__(self, scale):
        self.scale = scale


@dataclasses.dataclass(eq=False)
class Identity:  # no __eq__: hashable by identity
    scale: float


@dataclasses.dataclass
class Settings:  # eq=True, so Python sets __hash__ to None
    scale: float


class EqualityOnly(Plain):  # __eq__ without __hash__: unhashable too
    def __eq__(self, other):
        return self.scale == other.scale

    def __repr__(self):
        return f"EqualityOnly({self.scale})"


def double(t):
    return t * 2.0


def triple(t):
    return t * 3.0


def dtype(value):
    return tf.constant(value).dtype.name


def keys(mapping):
    return repr(list(mapping))


def scale(obj):
    return obj.scale


def applied(fn):
    return fn(tf.constant(1.0))


print(f"{'argument, calls':28} {'traces':6} last call saw")
row("None, None", repr, [None, None])
row("None, then 0", repr, [None, 0])
row("1, then 1.0, then True", dtype, [1, 1.0, True])
row("nan, then nan", repr, [float("nan"), float("nan")])
row("list [1, 2], then [1, 3]", repr, [[1, 2], [1, 3]])
row("list [1, 2], then (1, 2)", repr, [[1, 2], (1, 2)])
row("dict {a, b}, then {b, a}", keys, [{"a": 1, "b": 2}, {"b": 2, "a": 1}])
row("plain object, mutated", scale, mutated(Plain(2.0)))
row("dataclass(eq=False), mutated", scale, mutated(Identity(2.0)))
row("@dataclass (eq=True)", scale, [Settings(2.0)])
row("__eq__ without __hash__", scale, [EqualityOnly(2.0)])
row("function f, f, then g", applied, [double, double, triple])
row("a new lambda on each call", applied, (lambda t: t * 2.0 for _ in range(3)))
row("closure, its value changed", applied, closure_changed())

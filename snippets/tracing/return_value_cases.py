import collections
import re
import textwrap

import numpy as np
import tensorflow as tf

Pair = collections.namedtuple("Pair", "a b")


class Box:  # a plain Python object
    pass


t = tf.constant(1)
v = tf.Variable(1.0)
cases = [  # what the body returns: (label, a function that returns it)
    ("[t, t]", lambda: [t, t]),
    ("(t, t)", lambda: (t, t)),
    ('{"a": t}', lambda: {"a": t}),
    ("Pair(t, t)", lambda: Pair(t, t)),
    ('{"a": [t, t]}', lambda: {"a": [t, t]}),
    ("[t, None]", lambda: [t, None]),
    ("3", lambda: 3),
    ("2.5", lambda: 2.5),
    ('"hi"', lambda: "hi"),
    ("None", lambda: None),
    ("[1, 2]", lambda: [1, 2]),
    ("np.array([1, 2])", lambda: np.array([1, 2])),
    ("tf.Variable(1.0)", lambda: v),
    ("Box()", lambda: Box()),
]


def kind(value, top=True):
    """The type the caller got, and its elements' types; a dtype at the top."""
    name = type(value).__name__
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {kind(x, False)}" for k, x in value.items())
        return f"{name}{{{inner}}}"
    if isinstance(value, (list, tuple)):
        return f"{name}[{', '.join(kind(x, False) for x in value)}]"
    dtype = getattr(value, "dtype", None)
    return f"{name} {getattr(dtype, 'name', dtype)}" if top and dtype else name


def head(error):
    """The first line of TensorFlow's message, to its first sentence's end."""
    line = str(error).strip().splitlines()[0]
    return re.split(r"(?<=\.) |; | \[Op:", line)[0]


def returned(body, eager):
    tf.config.run_functions_eagerly(eager)
    try:
        return kind(tf.function(body)()), None
    except Exception as error:
        return type(error).__name__, head(error)
    finally:
        tf.config.run_functions_eagerly(False)


print(f"{'the body returns':18}  {'traced':40}  run eagerly")
for label, body in cases:
    (traced, message), (eager, _) = returned(body, False), returned(body, True)
    print(f"{label:18}  {traced:40}  {eager}")
    if message:  # under its row, wrapped
        print(textwrap.indent(textwrap.fill(message, 96), " " * 4))

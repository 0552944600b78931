import re
import textwrap

import tensorflow as tf


@tf.function
def scale(x, factor):
    return x * factor


f32, i32 = tf.TensorSpec([3], tf.float32), tf.TensorSpec([3], tf.int32)
x, x2, x_int = tf.ones([3]), tf.ones([2]), tf.ones([3], tf.int32)
gcf = scale.get_concrete_function
cf = None  # the first concrete function, from the first row
cases = [  # (what the call reads like, the call)
    ("cf = gcf(f32, factor=2)", lambda: gcf(f32, factor=2)),
    ("gcf(f32, factor=2) again", lambda: gcf(f32, factor=2)),
    ("gcf(x, factor=2)", lambda: gcf(x, factor=2)),
    ("scale(x, factor=2)", lambda: scale(x, factor=2)),
    ("gcf(i32, factor=2)", lambda: gcf(i32, factor=2)),
    ("cf(x, factor=2)", lambda: cf(x, factor=2)),
    ("cf(x)", lambda: cf(x)),
    ("cf([1.0, 1.0, 1.0], factor=2)", lambda: cf([1.0, 1.0, 1.0], factor=2)),
    ("cf(x, factor=10)", lambda: cf(x, factor=10)),
    ("cf(x2, factor=2)", lambda: cf(x2, factor=2)),
    ("cf(x2)", lambda: cf(x2)),
    ("cf(x_int, factor=2)", lambda: cf(x_int, factor=2)),
    ("cf(x_int)", lambda: cf(x_int)),
    ("scale(x, factor=10)", lambda: scale(x, factor=10)),
]


def outcome(result):
    if isinstance(result, tf.types.experimental.ConcreteFunction):
        return "cf itself" if result is cf else f"a new {type(result).__name__}"
    return f"ran: {result.numpy()}"


def head(error):
    """The first line of TensorFlow's message, to its first sentence's end."""
    line = str(error).strip().splitlines()[0]
    line = re.sub(r"(__inference_\w+?)_\d+", r"\1_…", line)  # varies by run
    return re.split(r"(?<=\.) |; | \[Op:", line)[0]


print(f"{'call':30}  traces  outcome")
for label, call in cases:
    try:
        result = call()
        shown, message = outcome(result), None
        cf = cf or result
    except Exception as error:
        shown, message = type(error).__name__, head(error)
    traces = scale.experimental_get_tracing_count()
    print(f"{label:30}  {traces:6}  {shown}")
    if message:  # under its row, wrapped
        print(textwrap.indent(textwrap.fill(message, 96), " " * 4))

print()
print(scale.pretty_printed_concrete_signatures())

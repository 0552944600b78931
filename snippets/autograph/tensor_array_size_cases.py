import re

import tensorflow as tf

# Collecting one value of shape (2,) per iteration of a tensor loop that runs
# n times: a Python list, or a tf.TensorArray of some size, read with stack().


def fill(ta, n):
    for i in tf.range(n):
        ta = ta.write(i, tf.fill([2], i))  # write returns the updated array
    return ta


def python_list(n):
    values = []
    for i in tf.range(n):
        values.append(tf.fill([2], i))  # a tensor of the loop's own graph
    return tf.stack(values)


def size_3(n):
    return fill(tf.TensorArray(tf.int32, size=3), n).stack()


def size_2(n):
    return fill(tf.TensorArray(tf.int32, size=2), n).stack()


def size_0(n):
    return fill(tf.TensorArray(tf.int32, size=0), n).stack()


def dynamic_size(n):
    return fill(tf.TensorArray(tf.int32, size=0, dynamic_size=True), n).stack()


# name, function, n
CASES = [
    ("Python list, append", python_list, 3),
    ("size=3", size_3, 3),
    ("size=2", size_2, 3),
    ("size=0", size_0, 3),
    ("size=0, dynamic_size=True", dynamic_size, 3),
    ("size=3", size_3, 0),
    ("size=0, dynamic_size=True", dynamic_size, 0),
]


def message(error):
    """The first sentence of the line of TensorFlow's message that names the
    problem, with a tensor's description shortened to <tf.Tensor …>."""
    shown = [line.strip() for line in str(error).splitlines() if line.strip()]
    if isinstance(error, tf.errors.OpError):  # raised when the graph ran
        named = [shown[i - 1] for i, s in enumerate(shown) if s[:2] == "[["]
    else:  # raised while tracing
        head = type(error).__name__ + ": "
        named = [s.removeprefix(head) for s in shown if s.startswith(head)]
    line = re.sub(r"<tf\.Tensor [^>]*>", "<tf.Tensor …>", (named or shown)[0])
    return line.split(". ")[0] + "." if ". " in line else line


def row(case, n, outcome, said):
    line = f"{case:26} {n:>2}  {outcome:23}  {said}"
    return line if len(line) <= 110 else line[:109].rsplit(" ", 1)[0] + "…"


said = "TensorFlow's message, or what stack() returns"
print(row("collected in", "n", "outcome", said))
for case, fn, n in CASES:
    try:
        value = tf.function(fn)(tf.constant(n)).numpy().tolist()
        print(row(case, n, "ok", value))
    except (tf.errors.InvalidArgumentError, ValueError) as error:
        print(row(case, n, type(error).__name__, message(error)))

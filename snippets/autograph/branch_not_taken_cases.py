import contextlib
import io
import os
import tempfile

import tensorflow as tf

# One statement in the `else` branch of a tensor `if`. The first call, f(3),
# traces both branches and runs the `if` branch; the second, f(-3), runs the
# `else` branch. Each cell says whether the statement took effect in that call.

v = tf.Variable(0)
calls = []
printed = io.StringIO()  # what Python's print wrote
tf_printed = os.path.join(
    tempfile.mkdtemp(), "tf_print.txt"
)  # what tf.print wrote


def with_print(x):
    if x > 0:
        y = x
    else:
        print("else")
        y = -x
    return y


def with_tf_print(x):
    if x > 0:
        y = x
    else:
        tf.print("else", output_stream="file://" + tf_printed)
        y = -x
    return y


def with_assign_add(x):
    if x > 0:
        y = x
    else:
        v.assign_add(1)
        y = -x
    return y


def with_append(x):
    if x > 0:
        y = x
    else:
        calls.append("else")
        y = -x
    return y


def with_raise(x):
    if x > 0:
        y = x
    else:
        raise ValueError("x must be positive")
    return y


def message(error):
    """The line of the message that names the problem."""
    shown = [line.strip() for line in str(error).splitlines() if line.strip()]
    head = type(error).__name__ + ": "
    named = [s.removeprefix(head) for s in shown if s.startswith(head)]
    return f"{type(error).__name__}: {(named or shown)[0]}"


def tf_print_lines():
    if not os.path.exists(tf_printed):
        return 0
    return open(tf_printed).read().count("\n")


# statement: (function, how many times it has taken effect so far)
CASES = {
    'print("else")': (with_print, lambda: printed.getvalue().count("\n")),
    'tf.print("else")': (with_tf_print, tf_print_lines),
    "v.assign_add(1)": (with_assign_add, lambda: int(v.numpy())),
    'calls.append("else")': (with_append, lambda: len(calls)),
    'raise ValueError("...")': (with_raise, lambda: 0),
}


def row(statement, first, second, traces):
    return f"{statement:25}{first:32}{second:32}{traces}"


header = ["f(3): traces, runs if", "f(-3): runs else", "traces"]
print(row("statement in the else", *header))
for statement, (fn, count) in CASES.items():
    f = tf.function(fn)
    cells = []
    for x in [3.0, -3.0]:
        before = count()
        try:
            with contextlib.redirect_stdout(printed):
                f(tf.constant(x))
            cells.append("ran" if count() > before else "did not run")
        except ValueError as error:
            cells.append(message(error))
    print(row(statement, *cells, f.experimental_get_tracing_count()))

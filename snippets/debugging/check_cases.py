import re

import numpy as np
import tensorflow as tf

# Every way of checking that x > 0 before taking its square root, each run
# eagerly and as a tf.function three ways, on an x that passes and on one that
# fails (it also has a third element, for the check of the size).


def raise_under_if(x):
    if tf.reduce_any(x <= 0):
        raise ValueError("x must be positive")
    return tf.sqrt(x)


def assert_statement(x):
    assert tf.reduce_all(x > 0), "x must be positive"
    return tf.sqrt(x)


def assert_positive(x):
    tf.debugging.assert_positive(x)
    return tf.sqrt(x)


def assert_equal(x):
    tf.debugging.assert_equal(tf.size(x), 2)  # the size is known while tracing
    return tf.sqrt(x)


def tf_assert(x):
    tf.Assert(tf.reduce_all(x > 0), ["x must be positive"])
    return tf.sqrt(x)


def check_numerics(x):
    return tf.debugging.check_numerics(tf.sqrt(x), "sqrt of x")


def python_check(x):
    if np.any(x.numpy() <= 0):
        raise ValueError("x must be positive")
    return x


def py_function(x):
    # python_check runs as Python each time the graph runs
    x = tf.py_function(python_check, [x], tf.float32)
    return tf.sqrt(x)


def try_inside(x):
    try:
        tf.debugging.assert_positive(x)
    except tf.errors.InvalidArgumentError:
        return tf.zeros_like(x)
    return tf.sqrt(x)


def try_around(f, x):
    try:
        return f(x)
    except tf.errors.InvalidArgumentError:
        return tf.zeros_like(x)


def call(f, x):
    return f(x)


CASES = [
    ("raise under if", raise_under_if, call),
    ("assert x > 0", assert_statement, call),
    ("assert_positive", assert_positive, call),
    ("assert_equal", assert_equal, call),
    ("tf.Assert", tf_assert, call),
    ("check_numerics", check_numerics, call),
    ("py_function", py_function, call),
    ("try inside", try_inside, call),
    ("try around call", assert_positive, try_around),
]
MODES = {
    "eager": None,
    "tf.function": {},
    "no autograph": {"autograph": False},
    "jit_compile": {"jit_compile": True},
}
PASSES, FAILS = tf.constant([1.0, 4.0]), tf.constant([1.0, -4.0, 9.0])


def said(error):
    """The exception class and the line of TensorFlow's message that says
    what failed: not the frames that locate it, nor the op that raised it."""
    shown = [line.strip() for line in str(error).splitlines() if line.strip()]
    head = type(error).__name__ + ": "
    named = [s.removeprefix(head) for s in shown if s.startswith(head)]
    if named:  # raised while tracing, under AutoGraph's "in user code:"
        return head + named[0]
    if shown[0] == "Graph execution error:":  # the line after the frames
        frames = ("Detected", "File")
        return head + next(s for s in shown[1:] if not s.startswith(frames))
    # an eager op's: without the {{function_node ...}} and [Op:...] around it
    return head + re.sub(r" \[Op:.*", "", shown[0].split("}} ")[-1])


def run(mode, fn, caller, x):
    """What one call returned, or when it raised and TensorFlow's message."""
    options = MODES[mode]
    f = fn if options is None else tf.function(fn, **options)
    when = "run"
    try:
        if options is not None:
            when = "trace"
            f.get_concrete_function(x)
            when = "compile"
            if options.get("jit_compile"):
                f.experimental_get_compiler_ir(x)(stage="hlo")
            when = "run"
        returned = caller(f, x).numpy()
    except Exception as error:  # every failure is a row
        if when != "compile":
            return when, said(error)
    else:
        return "[" + " ".join(f"{v:g}" for v in returned) + "]", ""
    try:  # XLA could not compile it: show what the call itself raises
        caller(f, x)
    except Exception as error:
        return when, said(error)


def row(*cells):
    line = "{:15}  {:12}  {:7}  {:9}  {}".format(*cells).rstrip()
    return line if len(line) <= 110 else line[:109].rsplit(" ", 1)[0] + " …"


print(row("check", "mode", "passes", "fails", "TensorFlow's message"))
for case, fn, caller in CASES:
    for mode in MODES:
        passed, message = run(mode, fn, caller, PASSES)
        failed, message_failing = run(mode, fn, caller, FAILS)
        print(row(case, mode, passed, failed, message or message_failing))

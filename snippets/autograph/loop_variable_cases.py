import tensorflow as tf

# What a tensor loop may do to a variable it carries from one iteration to the
# next. Each case is called once with n = tf.constant(3).


def shape_grows_while(n):
    x = tf.constant([0])
    i = 0
    while i < n:  # a tensor condition: AutoGraph makes a loop op
        x = tf.concat([x, [i]], axis=0)
        i += 1
    return x


def shape_grows_set_loop_options(n):
    x = tf.constant([0])
    i = 0
    while i < n:
        tf.autograph.experimental.set_loop_options(
            shape_invariants=[(x, tf.TensorShape([None]))]
        )
        x = tf.concat([x, [i]], axis=0)
        i += 1
    return x


def shape_grows_tf_while_loop(n):
    _, x = tf.while_loop(
        lambda i, x: i < n,
        lambda i, x: (i + 1, tf.concat([x, [i]], axis=0)),
        (0, tf.constant([0])),
    )
    return x


def shape_grows_shape_invariants(n):
    _, x = tf.while_loop(
        lambda i, x: i < n,
        lambda i, x: (i + 1, tf.concat([x, [i]], axis=0)),
        (0, tf.constant([0])),
        shape_invariants=(tf.TensorShape([]), tf.TensorShape([None])),
    )
    return x


def shape_already_unknown(n):
    x = tf.range(n - 2)  # a length known only at run time: shape (None,)
    for i in tf.range(n):
        x = tf.concat([x, [i]], axis=0)
    return x


def dtype_changes_while(n):
    x = tf.constant(0)
    i = 0
    while i < n:
        x = tf.cast(x, tf.float32) + 0.5
        i += 1
    return x


def dtype_changes_tf_while_loop(n):
    _, x = tf.while_loop(
        lambda i, x: i < n,
        lambda i, x: (i + 1, tf.cast(x, tf.float32) + 0.5),
        (0, tf.constant(0)),
    )
    return x


def python_0_plus_half(n):
    x = 0  # a Python int: the loop makes it an int32 tensor
    for _ in tf.range(n):
        x = x + 0.5
    return x


def python_0_0_plus_half(n):
    x = 0.0  # a Python float: a float32 tensor
    for _ in tf.range(n):
        x = x + 0.5
    return x


def tuple_grows(n):
    x = (tf.constant(0),)
    for i in tf.range(n):
        x = (i, i)
    return x


CASES = {
    "shape: while": shape_grows_while,
    "+ set_loop_options": shape_grows_set_loop_options,
    "shape: tf.while_loop": shape_grows_tf_while_loop,
    "+ shape_invariants": shape_grows_shape_invariants,
    "shape unknown before": shape_already_unknown,
    "dtype: while": dtype_changes_while,
    "dtype: tf.while_loop": dtype_changes_tf_while_loop,
    "0, then x + 0.5": python_0_plus_half,
    "0.0, then x + 0.5": python_0_0_plus_half,
    "(x,), then (i, i)": tuple_grows,
}


def message(error):
    """The first sentence of the line of TensorFlow's message that names the
    problem (the lines above it locate it in your code)."""
    shown = [line.strip() for line in str(error).splitlines() if line.strip()]
    head = type(error).__name__ + ": "
    named = [s.removeprefix(head) for s in shown if s.startswith(head)]
    line = (named or shown)[0]
    for end in [". ", "; "]:
        line = line.split(end)[0] + end.strip() if end in line else line
    return line.removesuffix(";")


def row(case, outcome, said):
    line = f"{case:20}  {outcome:10}  {said}"
    return line if len(line) <= 110 else line[:109].rsplit(" ", 1)[0] + "…"


said = "TensorFlow's message, or the result for n = 3"
print(row("the loop changes", "outcome", said))
for case, fn in CASES.items():
    try:
        print(row(case, "ok", tf.function(fn)(tf.constant(3)).numpy()))
    except (TypeError, ValueError) as error:
        print(row(case, type(error).__name__, message(error)))

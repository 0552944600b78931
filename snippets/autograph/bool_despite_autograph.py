import tensorflow as tf

# AutoGraph converts `if`, `while` and `for` statements and conditional
# expressions. A tensor anywhere else that Python needs as True or False still
# meets Python's `bool`. Each case below has a graph-op fix beside it.


def comprehension_filter(v):
    return tf.stack([e for e in tf.unstack(v) if e > 0])


def comprehension_filter_fixed(v):
    return tf.boolean_mask(v, v > 0)


def any_builtin(v):
    return any(e < 0 for e in tf.unstack(v))


def any_builtin_fixed(v):
    return tf.reduce_any(v < 0)


def bool_builtin(v):
    return bool(v[0] > 0)


def bool_builtin_fixed(v):
    return v[0] > 0


def assert_statement(v):
    assert v[0] > 0, "first value must be positive"
    return v[0]


def assert_statement_fixed(v):
    tf.debugging.assert_greater(v[0], 0.0, "first value must be positive")
    return v[0]


def conditional_expression(v):  # converted: becomes a tf.cond
    return v[0] if v[0] > 0 else -v[0]


def and_in_expression(v):  # converted: becomes tf.logical_and
    both = v[0] > 0 and v[1] > 0
    return both


x = tf.constant([3.0, -1.0, 2.0])
for fn in [
    comprehension_filter,
    any_builtin,
    bool_builtin,
    assert_statement,
    conditional_expression,
    and_in_expression,
]:
    try:
        print(f"{fn.__name__:29} -> {tf.function(fn)(x).numpy()}")
    except tf.errors.OperatorNotAllowedInGraphError as error:
        print(f"{fn.__name__:29} -> {type(error).__name__}")
        fixed = globals()[fn.__name__ + "_fixed"]
        print(f"{fixed.__name__:29} -> {tf.function(fixed)(x).numpy()}")

import tensorflow as tf

# Three elements of different shapes, (1,), (2,) and (3,), written into a
# tf.TensorArray(tf.float32, size=3, ...) by a tensor loop or by a Python loop
# (unrolled while tracing), then read back.


def in_tf_loop(ta):
    for i in tf.range(3):
        ta = ta.write(i, tf.ones([i + 1]))  # shapes unknown while tracing
    return ta


def in_python_loop(ta):
    for i in range(3):
        ta = ta.write(i, tf.ones([i + 1]))  # shapes known while tracing
    return ta


def tf_loop_stack():
    return in_tf_loop(tf.TensorArray(tf.float32, size=3)).stack()


def tf_loop_infer_shape_false_stack():
    return in_tf_loop(
        tf.TensorArray(tf.float32, size=3, infer_shape=False)
    ).stack()


def tf_loop_element_shape_none_stack():
    return in_tf_loop(
        tf.TensorArray(tf.float32, size=3, element_shape=[None])
    ).stack()


def tf_loop_element_shape_2_stack():
    return in_tf_loop(
        tf.TensorArray(tf.float32, size=3, element_shape=[2])
    ).stack()


def tf_loop_concat():
    return in_tf_loop(tf.TensorArray(tf.float32, size=3)).concat()


def tf_loop_read():
    return in_tf_loop(tf.TensorArray(tf.float32, size=3)).read(2)


def python_loop_concat():
    return in_python_loop(tf.TensorArray(tf.float32, size=3)).concat()


def python_loop_element_shape_none_concat():
    return in_python_loop(
        tf.TensorArray(tf.float32, size=3, element_shape=[None])
    ).concat()


def python_loop_infer_shape_false_concat():
    return in_python_loop(
        tf.TensorArray(tf.float32, size=3, infer_shape=False)
    ).concat()


def python_loop_infer_shape_false_stack():
    return in_python_loop(
        tf.TensorArray(tf.float32, size=3, infer_shape=False)
    ).stack()


CASES = {
    "written in a tf.range loop": {
        ("(defaults)", "stack()"): tf_loop_stack,
        ("infer_shape=False", "stack()"): tf_loop_infer_shape_false_stack,
        ("element_shape=[None]", "stack()"): tf_loop_element_shape_none_stack,
        ("element_shape=[2]", "stack()"): tf_loop_element_shape_2_stack,
        ("(defaults)", "concat()"): tf_loop_concat,
        ("(defaults)", "read(2)"): tf_loop_read,
    },
    "written by a Python loop (unrolled)": {
        ("(defaults)", "concat()"): python_loop_concat,
        (
            "element_shape=[None]",
            "concat()",
        ): python_loop_element_shape_none_concat,
        ("infer_shape=False", "concat()"): python_loop_infer_shape_false_concat,
        ("infer_shape=False", "stack()"): python_loop_infer_shape_false_stack,
    },
}


def message(error):
    """The line of TensorFlow's message that names the problem."""
    shown = [line.strip() for line in str(error).splitlines() if line.strip()]
    if isinstance(error, tf.errors.OpError):  # raised when the graph ran
        named = [shown[i - 1] for i, s in enumerate(shown) if s[:2] == "[["]
    else:  # raised while tracing
        head = type(error).__name__ + ": "
        named = [s.removeprefix(head) for s in shown if s.startswith(head)]
    return (named or shown)[0]


def row(options, read, outcome, said):
    line = f"{options:20}  {read:8}  {outcome:20}  {said}"
    return line if len(line) <= 110 else line[:109].rsplit(" ", 1)[0] + "…"


said = "TensorFlow's message, or what the read returns"
print(row("options", "read", "outcome", said))
for writer, cases in CASES.items():
    print("---", writer)
    for (options, read), fn in cases.items():
        try:
            print(row(options, read, "ok", tf.function(fn)().numpy()))
        except (tf.errors.InvalidArgumentError, ValueError) as error:
            print(row(options, read, type(error).__name__, message(error)))

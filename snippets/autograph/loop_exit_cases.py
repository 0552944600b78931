import tensorflow as tf

# Leaving a loop early, in a tensor loop and in a Python loop, each case
# called once. `values` is a tensor, [1, 2, -3, 4], or a Python list of the
# same four scalar tensors, and each loop stops or skips at the negative one.

VALUES = [1, 2, -3, 4]


def break_in_tf_range(values):
    total = 0
    for i in tf.range(4):
        if values[i] < 0:
            break
        total += values[i]
    return total


def continue_in_tf_range(values):
    total = 0
    for i in tf.range(4):
        if values[i] < 0:
            continue
        total += values[i]
    return total


def break_over_a_tensor(values):
    total = 0
    for v in values:  # iterating a tensor: a loop op too
        if v < 0:
            break
        total += v
    return total


def return_in_tf_range(values):
    for i in tf.range(4):
        if values[i] < 0:
            return i
    return -1


def return_in_tensor_while(values):
    i = tf.constant(0)
    while i < 4:  # a tensor condition
        if values[i] < 0:
            return i
        i += 1
    return -1


def break_out_of_while_true(values):
    i = 0
    while True:  # a Python condition
        if values[i] < 0:
            break
        i += 1
    return i


def python_list_no_break(values):
    total = 0
    for v in values:  # a Python list: unrolled, one copy of the body each
        total += v
    return total


def break_in_python_list(values):
    total = 0
    for v in values:
        if v < 0:  # a tensor condition in a Python loop
            break
        total += v
    return total


def return_in_python_list(values):
    for i, v in enumerate(values):
        if v < 0:
            return i
    return -1


def break_in_python_range(values):
    total = 0
    for i in range(4):
        if values[i] < 0:
            break
        total += values[i]
    return total


# name, function, whether it gets the Python list
CASES = [
    ("break, tf.range", break_in_tf_range, False),
    ("continue, tf.range", continue_in_tf_range, False),
    ("break, over a tensor", break_over_a_tensor, False),
    ("return, tf.range", return_in_tf_range, False),
    ("return, tensor while", return_in_tensor_while, False),
    ("break, while True", break_out_of_while_true, False),
    ("Python list", python_list_no_break, True),
    ("break, Python list", break_in_python_list, True),
    ("return, Python list", return_in_python_list, True),
    ("break, Python range", break_in_python_range, False),
]


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
    line = f"{case:20}  {outcome:19}  {said}"
    return line if len(line) <= 110 else line[:109].rsplit(" ", 1)[0] + "…"


print(row("loop", "outcome", "TensorFlow's message, or the result"))
for case, fn, as_list in CASES:
    values = tf.constant(VALUES)
    if as_list:
        values = [tf.constant(v) for v in VALUES]
    try:
        print(row(case, "ok", tf.function(fn)(values).numpy()))
    except (NotImplementedError, ValueError) as error:
        print(row(case, type(error).__name__, message(error)))

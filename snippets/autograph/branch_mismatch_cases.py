import tensorflow as tf

# Every way the two branches of a tensor `if` can disagree about a name that
# outlives the `if`. Each case is traced once for a float32 scalar `x`.


def y_only_in_the_if(x):
    if x > 0:
        y = x
    return y


def y_only_in_the_else(x):
    if x > 0:
        pass
    else:
        y = x
    return y


def y_only_in_if_unused(x):
    if x > 0:
        y = x * 2  # never read after the `if`: a local of the branch
        tf.print(y)
    return x


def int32_vs_float32(x):
    if x > 0:
        y = tf.constant(1)
    else:
        y = tf.constant(1.0)
    return y


def python_0_vs_float32(x):
    if x > 0:
        y = 0  # a Python int becomes an int32 tensor
    else:
        y = x
    return y


def python_0_0_vs_float32(x):
    if x > 0:
        y = 0.0  # a Python float becomes a float32 tensor
    else:
        y = x
    return y


def python_1_vs_python_2(x):
    if x > 0:
        y = 1
    else:
        y = 2
    return y


def none_vs_tensor(x):
    if x > 0:
        y = None
    else:
        y = x
    return y


def tuple_of_1_vs_2(x):
    if x > 0:
        y = (x,)
    else:
        y = (x, x)
    return y


def shape_2_vs_3(x):
    if x > 0:
        y = tf.zeros([2])
    else:
        y = tf.zeros([3])
    return y


def shape_2_vs_2x2(x):
    if x > 0:
        y = tf.zeros([2])
    else:
        y = tf.zeros([2, 2])
    return y


def return_in_the_if_only(x):
    if x > 0:
        return x


def return_x_vs_return_0(x):
    if x > 0:
        return x
    return 0


def return_pair_vs_one(x):
    if x > 0:
        return x, x
    return x


def return_x_vs_none(x):
    if x > 0:
        return x
    return None


def early_return(x):
    if x > 0:
        return x
    y = -x
    return y


CASES = {
    "y only in the if": y_only_in_the_if,
    "y only in the else": y_only_in_the_else,
    "unused y in the if": y_only_in_if_unused,
    "int32 vs float32": int32_vs_float32,
    "0 vs float32": python_0_vs_float32,
    "0.0 vs float32": python_0_0_vs_float32,
    "1 vs 2": python_1_vs_python_2,
    "None vs tensor": none_vs_tensor,
    "(x,) vs (x, x)": tuple_of_1_vs_2,
    "shape (2,) vs (3,)": shape_2_vs_3,
    "rank 1 vs rank 2": shape_2_vs_2x2,
    "return only in if": return_in_the_if_only,
    "return x vs 0": return_x_vs_return_0,
    "return (x, x) vs x": return_pair_vs_one,
    "return x vs None": return_x_vs_none,
    "early return": early_return,
}


def message(error):
    """The line of TensorFlow's message that names the problem (the lines
    above it locate it in your code)."""
    shown = [line.strip() for line in str(error).splitlines() if line.strip()]
    head = type(error).__name__ + ": "
    named = [s.removeprefix(head) for s in shown if s.startswith(head)]
    return (named or shown)[0]


def row(case, outcome, said):
    line = f"{case:18}  {outcome:10}  {said}"
    return line if len(line) <= 110 else line[:109].rsplit(" ", 1)[0] + "…"


said = "TensorFlow's message, or what the function returns"
print(row("branches differ", "outcome", said))
scalar = tf.TensorSpec([], tf.float32)  # each case gets a float32 scalar
for case, fn in CASES.items():
    try:
        traced = tf.function(fn).get_concrete_function(scalar)
        result = traced.structured_outputs
        print(row(case, "ok", f"{result.dtype.name}, shape {result.shape}"))
    except (TypeError, ValueError) as error:
        print(row(case, type(error).__name__, message(error)))

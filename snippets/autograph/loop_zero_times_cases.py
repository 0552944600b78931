import tensorflow as tf

# Loops over tf.range(n) that may run zero times, each function traced once
# and called with n = 3 and n = 0, and a loop over an empty Python list.


def total_of_range(n):
    total = 0
    for i in tf.range(n):
        total += i
    return total


def y_only_in_the_loop(n):
    for i in tf.range(n):
        y = i * 2  # y has no value before the loop
    return y


def y_none_before_the_loop(n):
    y = None
    for i in tf.range(n):
        y = i * 2
    return y


def i_after_the_loop(n):
    for i in tf.range(n):  # noqa: B007 (read after the loop)
        pass
    return i  # plain Python: UnboundLocalError when n is 0


def y_only_in_a_python_loop(values):
    for v in values:
        y = v * 2
    return y


def message(error):
    """The line of TensorFlow's message that names the problem."""
    shown = [line.strip() for line in str(error).splitlines() if line.strip()]
    if isinstance(error, tf.errors.OpError):  # raised when the graph ran
        named = [shown[i - 1] for i, s in enumerate(shown) if s[:2] == "[["]
    else:  # raised while tracing
        head = type(error).__name__ + ": "
        named = [s.removeprefix(head) for s in shown if s.startswith(head)]
    return (named or shown)[0]


def row(case, outcome, said):
    line = f"{case:19}  {outcome:20}  {said}"
    return line if len(line) <= 110 else line[:109].rsplit(" ", 1)[0] + "…"


print(row("loop, input", "outcome", "TensorFlow's message, or the result"))
traces = []
for case, fn in {
    "total += i": total_of_range,
    "y only in loop": y_only_in_the_loop,
    "y = None first": y_none_before_the_loop,
    "i after loop": i_after_the_loop,
}.items():
    f = tf.function(fn)
    for n in [3, 0]:
        try:
            print(row(f"{case}, n={n}", "ok", f(tf.constant(n)).numpy()))
        except tf.errors.InvalidArgumentError as error:
            print(row(f"{case}, n={n}", type(error).__name__, message(error)))
    traces.append(f.experimental_get_tracing_count())
try:
    tf.function(y_only_in_a_python_loop)([])
except UnboundLocalError as error:
    print(row("y only in loop, []", type(error).__name__, message(error)))
print("traces of each tf.range function, n=3 and n=0 together:", traces)

import tensorflow as tf


def loop_over_range(x):
    total = tf.constant(0)
    for i in range(tf.cast(x, tf.int32)):  # a for statement over range(tensor)
        total += i
    return total


cases = {
    "float(x)": lambda x: float(x),
    "int(x)": lambda x: int(x),
    "len(v)": lambda x: len(tf.stack([x, x, x])),
    "for i in range(n)": loop_over_range,
    "sum(range(n))": lambda x: sum(range(tf.cast(x, tf.int32))),
    "abs(x)": lambda x: abs(x),
    "print(x)": lambda x: print("    print ran, with", x),
}


def try_each(autograph):
    """Call each builtin on a tensor inside a tf.function; report the result."""
    for name, body in cases.items():
        f = tf.function(lambda x, body=body: body(x), autograph=autograph)
        try:
            result = f(tf.constant(3.0))
        except Exception as error:
            print(f"  {name:18} -> {type(error).__name__}")
            continue
        if isinstance(result, tf.Tensor):
            shown = f"{result.dtype.name} tensor {result.numpy().item()}"
        else:
            shown = repr(result)
        print(f"  {name:18} -> {shown}")


tf.get_logger().setLevel("ERROR")  # a fresh tf.function per case is the point
print("autograph=True:")
try_each(autograph=True)
print("autograph=False:")
try_each(autograph=False)

import numpy as np
import tensorflow as tf

tf.get_logger().setLevel("ERROR")  # a fresh tf.function per case is the point


class Scaled(tf.experimental.ExtensionType):
    values: tf.Tensor  # keyed by dtype and shape
    scale: float  # a Python field: keyed by value


def total(arg):
    """The sum of the argument's values (times its scale, for Scaled)."""
    if isinstance(arg, Scaled):
        return tf.reduce_sum(arg.values) * arg.scale
    return tf.reduce_sum(arg.values if hasattr(arg, "values") else arg)


def row(case, calls):
    """A fresh tf.function computing total(arg), called on each argument in
    turn: the trace count after each call, and whether the last call's result
    is total() of that argument, run eagerly ("new"), or an earlier one's."""
    f = tf.function(total)
    traces = []
    for arg in calls:
        got = f(arg).numpy()
        traces.append(f.experimental_get_tracing_count())
    want = total(arg).numpy()
    seen = "new" if got == want else f"stale: {got}, not {want}"
    print(f"{case:34} {' '.join(map(str, traces)):6} {seen}")


def assigned(variable):
    """The same variable twice, assigned between the calls."""
    yield variable
    variable.assign([5.0, 6.0])
    yield variable


def changed_in_place(array):
    """The same NumPy array twice, changed in place between the calls."""
    yield array
    array[:] = [5.0, 6.0]
    yield array


def sparse(values, dense_shape):
    indices = [[i, i] for i in range(len(values))]
    return tf.sparse.SparseTensor(indices, tf.constant(values), dense_shape)


v1, v2 = tf.Variable([1.0, 2.0]), tf.Variable([5.0, 6.0])
r2 = tf.ragged.constant([[1, 2], [3]])  # 2 rows
r2b = tf.ragged.constant([[1], [2, 3, 4]])  # 2 rows, other lengths
r3 = tf.ragged.constant([[1], [2], [3]])  # 3 rows
s1, s2 = sparse([1.0], [3, 3]), sparse([1.0, 2.0], [3, 3])
s4 = sparse([1.0], [4, 4])
e = Scaled([1.0, 2.0], 2.0)

print(f"{'argument, calls':34} {'traces':6} last call saw")
row("another tf.Variable, same shape", [v1, v2])
row("tf.Variable, assigned between", assigned(tf.Variable([1.0, 2.0])))
row("NumPy array, changed in place", changed_in_place(np.array([1.0, 2.0])))
row("RaggedTensor, other row lengths", [r2, r2b])
row("RaggedTensor, another row count", [r2, r3])
row("SparseTensor, more values", [s1, s2])
row("SparseTensor, other dense shape", [s1, s4])
row("ExtensionType, new tensor values", [e, Scaled([5.0, 6.0], 2.0)])
row("ExtensionType, new tensor shape", [e, Scaled([5.0], 2.0)])
row("ExtensionType, new Python field", [e, Scaled([1.0, 2.0], 3.0)])

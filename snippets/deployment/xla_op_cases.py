import re

import tensorflow as tf

x = tf.constant([1.0, 2.0, 2.0, 3.0])
n = tf.constant(3)  # a tensor argument, not a Python int


def random_size(x):
    return tf.zeros(tf.random.uniform([], 1, 5, tf.int32))


def as_text(x):
    return tf.strings.length(tf.strings.as_string(x))


def printed(x):
    tf.print(x)
    return x


def in_python(x):
    return tf.py_function(lambda t: t * 2, [x], tf.float32)


def in_numpy(x):
    return tf.numpy_function(lambda t: t * 2, [x], tf.float32)


cases = [
    ("tf.unique", lambda x: tf.unique(x)[0], x),
    ("tf.boolean_mask", lambda x: tf.boolean_mask(x, x > 1.5), x),
    ("tf.where(x > 1.5)", lambda x: tf.where(x > 1.5), x),
    ("tf.range(n)", lambda n: tf.range(n), n),
    ("tf.zeros([n * 2])", lambda n: tf.zeros([n * 2]), n),
    ("tf.zeros(random n)", random_size, x),
    ("tf.strings.as_string", as_text, x),
    ("tf.print", printed, x),
    ("tf.py_function", in_python, x),
    ("tf.numpy_function", in_numpy, x),
]

print(f"{'op':20} {'XLA program':20} result, or the error")
for case, body, arg in cases:
    # No Python control flow here: autograph=False (and no notes on lambdas)
    f = tf.function(body, jit_compile=True, autograph=False)
    try:
        result = f(arg)
        hlo = f.experimental_get_compiler_ir(arg)(stage="hlo")  # as compiled
    except tf.errors.InvalidArgumentError as e:
        first = e.message.splitlines()[0]
        ops = re.findall(r"(\w+) \(No registered", e.message)
        if ops:  # the line names the graph and device, then the ops XLA lacks
            first = f"{first[: first.index(' graph ')]} … {', '.join(ops)}"
        print(f"{case:20} {type(e).__name__:20} {first}")
        continue
    program = re.search(r"entry_computation_layout=\{(.*)\}", hlo).group(1)
    program = re.sub(r"\{[\d,]*\}", "", program)  # drop the memory layouts
    shown = " ".join(str(result.numpy()).split())  # on one line
    print(f"{case:20} {program:20} {shown}")

import functools

import numpy as np
import tensorflow as tf

w = tf.Variable(2.0)  # float32, trainable


def square(s):
    return s * s


def gradient(source, forward, watch=False, after=False, zero=False):
    """d forward(source) / d source, the forward pass recorded by a tape."""
    with tf.GradientTape() as tape:
        if watch:
            tape.watch(source)
        y = None if after else forward(source)
    if after:  # computed once the with block has closed
        y = forward(source)
    if zero:  # ask for zeros where nothing connects y to the source
        return tape.gradient(
            y, source, unconnected_gradients=tf.UnconnectedGradients.ZERO
        )
    return tape.gradient(y, source)


def shown(run):
    try:
        g = run()
    except Exception as e:
        return type(e).__name__
    return "None" if g is None else f"{float(g):.1f}"


def row(case, source, forward, **how):
    run = functools.partial(gradient, source, forward, **how)
    print(f"{case:34} {shown(run):8} {shown(tf.function(run))}")


print(f"{'case':34} {'eagerly':8} tf.function")
row("float32 variable (the reference)", w, square)
row("float32 constant", tf.constant(2.0), square)
row("float32 constant, ZERO", tf.constant(2.0), square, zero=True)
row("float32 constant, tape.watch", tf.constant(2.0), square, watch=True)
row("int32 constant", tf.constant(2), square)
row("int32 constant, tape.watch", tf.constant(2), square, watch=True)
row("int32 variable", tf.Variable(2), square)
row("int32 variable, tape.watch", tf.Variable(2), square, watch=True)
row("variable, trainable=False", tf.Variable(2.0, trainable=False), square)
to_int = lambda s: tf.cast(tf.cast(s, tf.int32), tf.float32)  # noqa: E731
row("cast to int32 and back", w, to_int)
row(".numpy(), back to a tensor", w, lambda s: tf.constant(s.numpy() ** 2))
row("NumPy (np.square)", w, lambda s: tf.constant(np.square(s)))
as_numpy = lambda s: tf.numpy_function(np.square, [s], tf.float32)  # noqa: E731
row("tf.numpy_function", w, as_numpy)
row("computed after the with block", w, square, after=True)
argmax = lambda s: tf.cast(tf.argmax([s, 1.0]), tf.float32)  # noqa: E731
row("tf.argmax", w, argmax)
row("tf.round", w, tf.round)
row("tf.stop_gradient", w, lambda s: tf.stop_gradient(s * s))
row("tf.sign (a gradient of zero)", w, tf.sign)
row("tf.nn.relu below zero (zero)", w, lambda s: tf.nn.relu(s - 3.0))

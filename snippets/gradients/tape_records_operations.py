import tensorflow as tf

w = tf.Variable(3.0, name="w")  # a trainable variable
x = tf.constant(2.0)  # a constant
early = w * x  # computed before any tape exists

with tf.GradientTape() as tape:
    y = w * x  # recorded; w is watched as soon as the tape sees it read
print("watched:", [v.name for v in tape.watched_variables()])
dy_dw, dy_dx = tape.gradient(y, [w, x])
print("dy/dw:", float(dy_dw), " dy/dx:", dy_dx)

with tf.GradientTape() as tape:
    tape.watch(x)  # watch a tensor by hand
    y = w * x
print("after tape.watch(x), dy/dx:", float(tape.gradient(y, x)))

with tf.GradientTape() as tape:
    late = early + 1.0  # early's own history was never recorded
print("d(early + 1)/dw:", tape.gradient(late, w))

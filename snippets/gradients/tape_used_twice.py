import tensorflow as tf

w = tf.Variable(3.0)

with tf.GradientTape() as tape:
    y = w * w
    z = w * w * w
print("dy/dw:", tape.gradient(y, w).numpy())
try:
    tape.gradient(z, w)  # a second call on the same tape
except RuntimeError as e:
    print(type(e).__name__ + ":", str(e).splitlines()[0])

with tf.GradientTape() as tape:
    y = w * w
    z = w * w * w
# One call, several targets: their gradients are summed.
print("d(y + z)/dw in one call:", tape.gradient([y, z], w).numpy())

with tf.GradientTape(persistent=True) as tape:
    y = w * w
    z = w * w * w
print("persistent, dy/dw:", tape.gradient(y, w).numpy())
print("persistent, dz/dw:", tape.gradient(z, w).numpy())
del tape  # a persistent tape keeps its record until it is deleted

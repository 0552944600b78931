import warnings

import keras
import tensorflow as tf

a = keras.Variable(1.0, name="a")
b = keras.Variable(1.0, name="b")
optimizer = keras.optimizers.SGD(learning_rate=0.5)

print("all gradients None:")
try:
    optimizer.apply_gradients([(None, a), (None, b)])
except ValueError as e:
    print("  ValueError:", str(e).splitlines()[0])

print("only b's gradient None:")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    optimizer.apply_gradients([(tf.constant(1.0), a), (None, b)])
for warning in caught:
    print(f"  {warning.category.__name__}: {warning.message}")
print(f"  a: {float(a.numpy())}  b: {float(b.numpy())}")

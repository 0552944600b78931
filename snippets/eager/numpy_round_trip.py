import numpy as np
import tensorflow as tf

t = tf.constant([1.5, 2.5, 3.5])
array = t.numpy()  # a copy on CPU, an ordinary NumPy array
print(type(array).__name__, array)

# NumPy functions accept tensors, TensorFlow ops accept arrays.
print("np.square(t) ->", type(np.square(t)).__name__, np.square(t))
print("tf.square(array) ->", type(tf.square(array)).__name__, tf.square(array).numpy())

# Tensors are immutable: arithmetic makes new tensors.
u = t + 1
print("t after t + 1:", t.numpy(), " u:", u.numpy())

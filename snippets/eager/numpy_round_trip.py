import numpy as np
import tensorflow as tf

t = tf.constant([1.5, 2.5, 3.5])
array = t.numpy()  # a copy on CPU, an ordinary NumPy array
print(type(array).__name__, array)

# NumPy functions accept tensors, TensorFlow ops accept arrays.
from_numpy = np.square(t)
from_tf = tf.square(array)
print("np.square(tensor) ->", type(from_numpy).__name__, from_numpy)
print("tf.square(array)  ->", type(from_tf).__name__, from_tf.numpy())

# Tensors are immutable: arithmetic makes new tensors.
u = t + 1
print("t after t + 1:", t.numpy(), " u:", u.numpy())

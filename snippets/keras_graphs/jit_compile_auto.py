import keras
import tensorflow as tf

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
model.compile(optimizer="sgd", loss="mse", jit_compile="auto")
print("GPUs:", len(tf.config.list_physical_devices("GPU")))
print('jit_compile="auto" resolved to:', model.jit_compile)

model.compile(optimizer="sgd", loss="mse", jit_compile=True)
print("jit_compile=True:", model.jit_compile)

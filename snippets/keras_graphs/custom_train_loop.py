import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
optimizer = keras.optimizers.SGD(0.1)
optimizer.build(model.trainable_variables)
x = tf.random.normal([64, 3])
y = x @ tf.constant([[1.0], [-2.0], [0.5]])


@tf.function  # only the inner step is a graph
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x) - y) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for epoch in range(1, 101):  # the outer loop stays Python: log, stop...
    loss = train_step(x, y)
    if epoch % 5 == 0:
        print(f"epoch {epoch}: loss {loss.numpy():.4f}")
    if loss < 0.01:
        print(f"epoch {epoch}: loss below 0.01, stopping early")
        break
print("traces:", train_step.experimental_get_tracing_count())

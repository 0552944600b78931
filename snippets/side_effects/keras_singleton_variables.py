import keras
import tensorflow as tf

x, y = tf.ones([4, 3]), tf.zeros([4, 1])


@tf.function
def train_step(model, optimizer):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x) - y) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(
        zip(grads, model.trainable_variables, strict=True)
    )
    return loss


def new_model():
    return keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])


train_step(new_model(), keras.optimizers.Adam())  # creates Adam's variables
try:  # a second optimizer creates variables in a later trace
    train_step(new_model(), keras.optimizers.Adam())
except ValueError as error:
    print(str(error).strip().splitlines()[-1].strip())

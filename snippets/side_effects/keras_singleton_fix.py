import keras
import tensorflow as tf

x, y = tf.ones([4, 3]), tf.zeros([4, 1])


def make_train_step(model, optimizer):
    # Create the optimizer's variables now, outside any trace.
    optimizer.build(model.trainable_variables)

    @tf.function  # one tf.function per model/optimizer pair
    def train_step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((model(x) - y) ** 2)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(
            zip(grads, model.trainable_variables, strict=True)
        )
        return loss

    return train_step


for name in ["first", "second"]:
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    step = make_train_step(model, keras.optimizers.Adam())
    step()
    step()
    print(name, "model trained; traces:", step.experimental_get_tracing_count())

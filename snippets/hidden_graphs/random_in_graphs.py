import tensorflow as tf

tf.random.set_seed(7)  # the global seed: with it, op seeds are reproducible


def seeded_op():
    return tf.function(lambda: tf.random.uniform([2], seed=1))


def generator():
    rng = tf.random.Generator.from_seed(1)  # its state: a tf.Variable
    return tf.function(lambda: rng.uniform([2]))


def stateless_op():
    return tf.function(lambda: tf.random.stateless_uniform([2], seed=[1, 2]))


for name, make in [
    ("seeded tf.random op", seeded_op),
    ("tf.random.Generator", generator),
    ("stateless op", stateless_op),
]:
    draw = make()
    first, second = draw().numpy(), draw().numpy()
    again = make()().numpy()  # built afresh from the same seeds
    print(f"{name}: {first.round(4)} then {second.round(4)}")
    print(
        f"  same on every call: {(first == second).all()}; "
        f"rebuilt, first call repeats: {(first == again).all()}"
    )

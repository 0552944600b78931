import tensorflow as tf

names = {1: "one", 2: "two"}


@tf.function
def name_of(label):
    return {label: "found"}  # a tensor as a Python dict key


try:
    name_of(tf.constant(1))
except TypeError as error:
    print(
        "TypeError:",
        str(error).strip().splitlines()[-1].strip().removeprefix("TypeError: "),
    )

# A lookup by value in the graph is a TensorFlow table, built once outside.
table = tf.lookup.StaticHashTable(
    tf.lookup.KeyValueTensorInitializer(
        tf.constant(list(names), tf.int64), tf.constant(list(names.values()))
    ),
    default_value="unknown",
)


@tf.function
def name_of_fixed(label):
    return table.lookup(label)


print(
    "fixed:",
    [
        name_of_fixed(tf.constant(k, tf.int64)).numpy().decode()
        for k in (1, 2, 3)
    ],
)

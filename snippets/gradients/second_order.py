import tensorflow as tf

w = tf.Variable(3.0)  # y = w**3: dy/dw = 3 w**2 = 27, d2y/dw2 = 6 w = 18


def both(w):
    with tf.GradientTape() as outer_tape:
        with tf.GradientTape() as inner_tape:
            y = w**3
        first = inner_tape.gradient(y, w)  # recorded by outer_tape
    return first, outer_tape.gradient(first, w)


@tf.function
def first_only(w):
    with tf.GradientTape() as tape:
        y = w**3
    return tape.gradient(y, w)


first, second = both(w)
print(f"eagerly:              {float(first)} {float(second)}")
both_in_graph = tf.function(both)
first, second = both_in_graph(w)
print(f"in one tf.function:   {float(first)} {float(second)}")
with tf.GradientTape() as tape:  # an eager tape around the inner graph
    first = first_only(w)
second = tape.gradient(first, w)
print(f"tape around function: {float(first)} {float(second)}")

graph = both_in_graph.get_concrete_function(w).graph
names = [op.name for op in graph.get_operations()]
once = [n for n in names if n.startswith("gradient_tape/")]
twice = [n for n in once if n.count("gradient_tape/") == 2]
print(f"ops under gradient_tape/: {len(once)}, of them nested: {len(twice)}")

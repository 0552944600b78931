import tensorflow as tf

x = tf.constant([1.0, 2.0, 3.0])


def jacobian(x, pfor, persistent=False):
    with tf.GradientTape(persistent=persistent) as tape:
        tape.watch(x)
        y = x**2  # y[i] depends on x[i] only: a diagonal jacobian
    return tape.jacobian(y, x, experimental_use_pfor=pfor)


in_graph = tf.function(jacobian)


def row(mode, run):
    try:
        result = str(run().numpy().tolist())
    except RuntimeError as e:
        result = f"RuntimeError: {str(e).splitlines()[0]}"
    print(f"{mode:34} {result}")


print("jacobian of x**2 at x = [1, 2, 3]:")
row("eagerly, pfor", lambda: jacobian(x, pfor=True))
row("eagerly, while loop", lambda: jacobian(x, pfor=False))
row("eagerly, while loop, persistent", lambda: jacobian(x, False, True))
row("tf.function, pfor", lambda: in_graph(x, pfor=True))
row("tf.function, while loop", lambda: in_graph(x, pfor=False))
for pfor in (True, False):
    graph = in_graph.get_concrete_function(x, pfor=pfor).graph
    loops = [op.type for op in graph.get_operations() if "While" in op.type]
    ops = len(graph.get_operations())
    print(f"graph with pfor={pfor}: {ops} ops, loop ops {loops}")

batch = tf.reshape(tf.range(6.0), [3, 2])  # 3 examples of 2 features
with tf.GradientTape(persistent=True) as tape:
    tape.watch(batch)
    y = batch**2
print("jacobian shape:      ", tape.jacobian(y, batch).shape)
print("batch_jacobian shape:", tape.batch_jacobian(y, batch).shape)

import tensorflow as tf

w = tf.Variable(2.0, name="w")


@tf.function
def train_step(x, target):
    with tf.GradientTape() as tape:  # a tape inside the graph
        loss = (w * x - target) ** 2
    grad = tape.gradient(loss, w)
    w.assign_sub(0.1 * grad)
    return loss


x, target = tf.constant(1.0), tf.constant(3.0)
for step in range(3):
    print(f"step {step}: loss {float(train_step(x, target)):.4f}")

step_graph = train_step.get_concrete_function(x, target)
ops = step_graph.graph.get_operations()
for op in ops:
    print(f"  {op.type:20} {op.name}")
backward = [op for op in ops if op.name.startswith("gradient_tape/")]
print(f"{len(ops)} ops, {len(backward)} of them under gradient_tape/")

import tensorflow as tf

# Two logical CPU devices, set up before TensorFlow runs its first op.
cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(
    cpu, [tf.config.LogicalDeviceConfiguration()] * 2
)
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
print("replicas in sync:", strategy.num_replicas_in_sync)
with strategy.scope():
    w = tf.Variable(2.0)  # one copy per device, kept in sync
print("w is a", type(w).__name__)


def replica_step(x):
    print("  replica_step runs, eagerly:", tf.executing_eagerly())
    return x * w


@tf.function
def step(x):
    per_replica = strategy.run(replica_step, args=(x,))
    return strategy.reduce("SUM", per_replica, axis=None)


print("first call:")
print("  sum over replicas:", step(tf.constant(1.0)).numpy())
print("second call:")
print("  sum over replicas:", step(tf.constant(1.0)).numpy())

graph = step.get_concrete_function(tf.constant(1.0)).graph
for op in graph.get_operations():
    if op.type == "Mul":  # x * w, once per replica, each on its device
        print(f"op {op.name!r} on {op.device}")

print("strategy.run outside a tf.function:")
result = strategy.run(replica_step, args=(tf.constant(1.0),))
print(" ", type(result).__name__, strategy.experimental_local_results(result))
try:  # too late: this process has run ops
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration()] * 3
    )
except RuntimeError as error:
    print("RuntimeError:", error)

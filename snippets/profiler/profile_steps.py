import sys
import tempfile

import tensorflow as tf

import trace_summary

# `python profile_steps.py logs` keeps the trace in ./logs, for TensorBoard.
logdir = sys.argv[1] if len(sys.argv) == 2 else tempfile.mkdtemp()
w = tf.Variable(tf.random.normal([512, 512]))


@tf.function
def step(x):
    for _ in range(4):
        x = tf.nn.relu(tf.matmul(x, w))
    return tf.reduce_sum(x)


x = tf.random.normal([256, 512])
step(x)  # traced before profiling: the trace shows steady steps only
tf.profiler.experimental.start(logdir)
try:
    for number in range(5):  # _r=1: a step, for TensorBoard's step view
        with tf.profiler.experimental.Trace("train", step_num=number, _r=1):
            step(x).numpy()
finally:
    tf.profiler.experimental.stop()
trace_summary.summarise(logdir, step_name="train")

import time

import tensorflow as tf

import bench

STEPS = 10 if bench.QUICK else 20
READ = TRAIN = 0.010  # seconds: simulated, so that only the overlap differs


def slow_reads():  # reading a batch: waits on a disk or a network
    for i in range(STEPS):
        time.sleep(READ)
        yield i


batches = tf.data.Dataset.from_generator(
    slow_reads, output_signature=tf.TensorSpec([], tf.int64)
)
# TensorFlow's default: a prefetch is injected at the end of the pipeline.
# Switched off here, to see a pipeline with no prefetch at all.
options = tf.data.Options()
options.experimental_optimization.inject_prefetch = False


def train(dataset):
    for _ in dataset:
        time.sleep(TRAIN)  # the training step


results = bench.compare(
    {
        "no prefetch at all": lambda: train(batches.with_options(options)),
        "default pipeline": lambda: train(batches),
        "prefetch(AUTOTUNE)": lambda: train(batches.prefetch(tf.data.AUTOTUNE)),
    },
    calls=1,
    rounds=6,
)
print(bench.machine())
bench.report(results, baseline="no prefetch at all", unit="ms")
per_step = bench.per(results, STEPS, "step", unit="ms")
print(
    f"reading alone: {READ * 1e3:.0f} ms, training alone: {TRAIN * 1e3:.0f} ms"
)
longer = max(READ, TRAIN) * 1e3  # a perfect overlap would cost this per step
for name, ms in per_step.items():
    print(f"{name}: {ms / longer:.2f}x the longer side")

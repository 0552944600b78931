import os
import subprocess
import sys
import tempfile

import tensorflow as tf


@tf.custom_gradient
def round_straight_through(x):
    def grad(upstream):
        return upstream

    return tf.round(x), grad


class Rounder(tf.Module):
    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
    def __call__(self, x):
        return round_straight_through(x) * 2.0


# Runs in a new process, which has never seen round_straight_through.
LOAD = """
import sys
import tensorflow as tf
rounder = tf.saved_model.load(sys.argv[1])
x = tf.constant([0.4, 1.6])
print("  y, no tape:", rounder(x).numpy())
try:
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = rounder(x)
    print("  dy/dx:", tape.gradient(y, x).numpy())
except LookupError as e:
    print("  LookupError:", str(e).split(". ")[0] + ".")
"""

default = tf.saved_model.SaveOptions().experimental_custom_gradients
print("SaveOptions().experimental_custom_gradients:", default)
folder = tempfile.mkdtemp()
runs = {}
for how, options in [
    ("the default SaveOptions", tf.saved_model.SaveOptions()),
    (
        "experimental_custom_gradients=False",
        tf.saved_model.SaveOptions(experimental_custom_gradients=False),
    ),
]:
    path = os.path.join(folder, f"rounder_{len(runs)}")
    tf.saved_model.save(Rounder(), path, options=options)
    command = [sys.executable, "-c", LOAD, path]
    runs[how] = subprocess.Popen(  # both start at once, each imports TF
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
for how, process in runs.items():
    out, err = process.communicate()
    assert process.returncode == 0, err
    print(f"saved with {how}, loaded in a new process:")
    # TensorFlow's start-up notices on stderr are left out; its warnings stay.
    for line in err.splitlines():
        if line.startswith("WARNING:absl:"):
            print(" ", line)
    print(out.rstrip())

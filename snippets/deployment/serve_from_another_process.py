import os
import subprocess
import sys
import tempfile

import tensorflow as tf


class Scaler(tf.Module):
    def __init__(self):
        self.factor = tf.Variable(3.0)

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32, name="x")])
    def scale(self, x):
        return {"scaled": x * self.factor}


scaler = Scaler()
path = os.path.join(tempfile.mkdtemp(), "scaler")
tf.saved_model.save(scaler, path, signatures={"serving_default": scaler.scale})

# saved_model_cli is installed with TensorFlow, beside this Python. Each
# command runs in a new process that has never seen the Scaler class.
cli = os.path.join(os.path.dirname(sys.executable), "saved_model_cli")
signature = [
    "--dir",
    path,
    "--tag_set",
    "serve",
    "--signature_def",
    "serving_default",
]
commands = [
    [cli, "show", *signature],
    [cli, "run", *signature, "--input_exprs", "x=[1.0, 2.0, 5.0]"],
]
# Both start at once (each imports TensorFlow); their outputs print in order.
# TensorFlow's start-up notices on stderr are kept out, as on every page.
pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
running = [subprocess.Popen(command, **pipes) for command in commands]
for command, process in zip(commands, running):
    print("$ saved_model_cli", command[1], "...")
    out, err = process.communicate()
    assert process.returncode == 0, err
    print(out.strip())

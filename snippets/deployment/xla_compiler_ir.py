import re

import tensorflow as tf


@tf.function(jit_compile=True)
def scaled_sum(x):
    return tf.reduce_sum(tf.sin(x) * 2.0)


for n in [4, 8]:  # one XLA program per input shape: shapes are static
    hlo = scaled_sum.experimental_get_compiler_ir(tf.ones([n]))(stage="hlo")
    print(re.search(r"entry_computation_layout=\{(.*)\}", hlo).group(1))

entry = hlo[hlo.index("ENTRY") :]
print(re.sub(r", metadata=\{[^}]*\}", "", entry))  # drop source metadata

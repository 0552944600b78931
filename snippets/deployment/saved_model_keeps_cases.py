import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile

import keras
import tensorflow as tf

root = tempfile.mkdtemp()
any_length = [tf.TensorSpec([None], tf.float32, name="x")]


def save(obj, **options):
    """Saves obj: its directory, or the save's error (a row's result)."""
    path = os.path.join(root, f"model{len(os.listdir(root))}")
    try:
        tf.saved_model.save(obj, path, **options)
    except Exception as e:
        return {"error": [type(e).__name__, str(e)]}
    return path


def module(**attributes):
    m = tf.Module()
    for name, value in attributes.items():
        setattr(m, name, value)
    return m


def double(x):
    return x * 2.0


def triple(x):
    return x * 3.0


def in_python(x):
    return tf.py_function(lambda t: t * 2.0, [x], tf.float32)


def in_numpy(x):
    return tf.numpy_function(lambda t: t * 2.0, [x], tf.float32)


def as_text(x):
    return tf.strings.length(tf.strings.as_string(x))


# What a fresh process can call and read: (saved, evaluated there on m, path)
kept = []
signed = save(module(f=tf.function(double, input_signature=any_length)))
kept += [("signature [None], x2", "m.f(x2)", signed)]
traced = module(f=tf.function(double))
traced.f(tf.constant([1.0, 2.0, 3.0]))  # traced for shape (3,) only
traced = save(traced)
kept += [("traced for (3,), x3", "m.f(x3)", traced)]
kept += [("traced for (3,), x2", "m.f(x2)", traced)]
for name, body in [
    ("tf.py_function", in_python),
    ("tf.numpy_function", in_numpy),
]:
    saved = save(module(f=tf.function(body, input_signature=any_length)))
    kept += [(f"{name}, x2", "m.f(x2)", saved)]
xla = tf.function(as_text, input_signature=any_length, jit_compile=True)
kept += [("jit_compile=True, x2", "m.f(x2)", save(module(f=xla)))]
attributes = save(
    module(
        n=3,
        items=[1, 2],
        table={"a": 1},
        t=tf.constant(7.0),
        v=tf.Variable(2.0),
        vs=[tf.Variable(1.0)],
        vd={"w": tf.Variable(5.0, trainable=False)},
    )
)
for name, value in [
    ("n", "3"),
    ("items", "[1, 2]"),
    ("table", "{'a': 1}"),
    ("t", "tf.constant(7.0)"),
    ("v", "tf.Variable(2.0)"),
    ("vs", "[Variable]"),
    ("vd", "{'w': Variable}"),
]:
    kept += [(f"m.{name} = {value}", f"m.{name}", attributes)]

# Which entry points a server sees, and their input keys
signing = []
f, g = tf.function(double, input_signature=any_length), tf.function(triple)
g(tf.constant([1.0]))  # traced, without an input_signature
named = {"a": f, "b": f}
both = module(f=f, g=tf.function(triple, input_signature=any_length))
for saved, path in [
    ("f with input_signature", save(module(f=f))),
    ("f with input_signature, g without", save(module(f=f, g=g))),
    ("f and g with input_signature", save(both)),
    ("signatures={'a': f, 'b': f}", save(module(f=f), signatures=named)),
    ("signatures=g, g traced without", save(module(g=g), signatures=g)),
]:
    signing += [(saved, "signatures(m)", path)]
inputs = keras.Input(shape=(3,), name="features")
model = keras.Model(inputs, keras.layers.Dense(1)(inputs))
signing += [("Keras: tf.saved_model.save(model)", "signatures(m)", save(model))]
exported = os.path.join(root, "exported")
with contextlib.redirect_stdout(io.StringIO()):  # its listing: Keras section
    model.export(exported)
signing += [("Keras: model.export(path)", "signatures(m)", exported)]

# One new process loads every SavedModel; it has never seen this file's code.
LOADER = """
import json, sys
import tensorflow as tf

def shown(value):
    if isinstance(value, tf.Variable):
        frozen = "" if value.trainable else ", trainable=False"
        return f"Variable({value.numpy()}{frozen})"
    if isinstance(value, tf.Tensor):
        return str(value.numpy())
    if isinstance(value, list):
        return "[" + ", ".join(map(shown, value)) + "]"
    if isinstance(value, dict):
        items = (f"{k!r}: {shown(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    return str(value)

def signatures(m):
    return ", ".join(
        f"{name}({', '.join(f.structured_input_signature[1])})"
        for name, f in m.signatures.items()
    ) or "no signatures"

x2, x3 = tf.constant([1.0, 2.0]), tf.constant([1.0, 2.0, 3.0])
loaded = {}
for path, expression in json.loads(sys.argv[1]):
    if path not in loaded:
        loaded[path] = tf.saved_model.load(path)
    m = loaded[path]
    try:
        print(json.dumps({"value": shown(eval(expression))}))
    except Exception as e:
        print(json.dumps({"error": [type(e).__name__, str(e)]}))
"""
wanted = [(path, e) for _, e, path in kept + signing if isinstance(path, str)]
command = [sys.executable, "-c", LOADER, json.dumps(wanted)]
loader = subprocess.run(command, capture_output=True, text=True)  # stderr: out
assert loader.returncode == 0, loader.stderr
results = iter(json.loads(line) for line in loader.stdout.splitlines())


def described(error):
    """The error's class and the line of its message that says what failed."""
    name, message = error
    lines = message.splitlines()
    cause = [line for line in lines if re.match(r"\w+Error: ", line)]
    first = lines[0]
    if name == "InvalidArgumentError" and cause:  # "Graph execution error:"
        first = f"… {cause[0].split(': ', 1)[1]}"
    ops = re.findall(r"(\w+) \(No registered", message)
    if ops:  # the line names the graph and device, then the ops XLA lacks
        first = f"{first[: first.index(' graph ')]} … {', '.join(ops)}"
    first = re.sub(r"pyfunc_\d+", "pyfunc_…", first)  # a per-process serial
    first = first.split(", but got")[0].removesuffix(" Got:")  # then objects
    return f"{name}: {first}"


def table(header, width, rows):
    print(f"{header:{width}} after loading in a fresh process")
    for saved, _, path in rows:  # a dict for a path: the save failed
        got = path if isinstance(path, dict) else next(results)
        shown = got["value"] if "value" in got else described(got["error"])
        print(f"{saved:{width}} {shown}")


table("saved", 22, kept)
print()
table("saved with", 34, signing)

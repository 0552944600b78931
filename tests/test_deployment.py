"""Claims docs/deployment.md makes about its snippets' output."""

import re

from conftest import claim, lines, recorded
from traced import provenance

CONTENTS = "snippets/deployment/saved_model_contents.py"


def tensorflow_release() -> tuple[int, int]:
    """(major, minor) of the TensorFlow that produced the outputs: the record's
    environment, or this process's when the tests run the snippets."""
    data = recorded()
    environment = data["environment"] if data is not None else provenance.environment()
    major, minor = environment["tensorflow"].split(".")[:2]
    return int(major), int(minor)


@claim(
    "deployment.md",
    "`signatures` names the entry points a server will call:",
    "The restored object has the methods and the signatures, and computes the same values as "
    "the original, with no Python class in sight:",
)
def test_saved_model_signatures_round_trip(output):
    assert lines(output("snippets/deployment/saved_model_signatures.py")) == [
        "signatures: ['serving_default', 'shift']",
        "method:     [3. 6.]",
        "signature:  [3. 6.]",
        "original:   [3. 6.]",
        "shift:      [4. 5.]",
    ]


@claim(
    "deployment.md",
    "A SavedModel is a directory: `saved_model.pb` holds the graphs and signatures, "
    "`variables/` the variable values, `fingerprint.pb` a checksum.",
    "Each signature lists its inputs and outputs by name, with dtype and shape; a server sends "
    "and receives tensors under those names.",
)
def test_saved_model_contents(output):
    assert lines(output(CONTENTS)) == [
        "fingerprint.pb",
        "saved_model.pb",
        "variables/variables.data-00000-of-00001",
        "variables/variables.index",
        "signature 'serving_default'",
        "  inputs:  {'x': TensorSpec(shape=(None,), dtype=tf.float32, name='x')}",
        "  outputs: {'scaled': TensorSpec(shape=(None,), dtype=tf.float32, name='scaled')}",
        "restored variable: factor:0 3.0",
    ]


@claim(
    "deployment.md",
    "Served by a process that never saw the class",
    "The `saved_model_cli show --all --dir <path>` command prints the same information from a "
    "shell.",
    "Here the SavedModel is read by `saved_model_cli`, installed with TensorFlow, in new "
    "processes: `show` prints the signature as a serving system reads it (input and output "
    "names, dtypes, `-1` for the `None` dimension), and `run` computes with it:",
)
def test_served_from_a_process_that_never_saw_the_class(output):
    # What the in-process listing says: input x, output scaled, float32, any length.
    listed = lines(output(CONTENTS))
    assert "  inputs:  {'x': TensorSpec(shape=(None,), dtype=tf.float32, name='x')}" in listed
    assert (
        "  outputs: {'scaled': TensorSpec(shape=(None,), dtype=tf.float32, name='scaled')}"
        in listed
    )
    assert lines(output("snippets/deployment/serve_from_another_process.py")) == [
        "$ saved_model_cli show ...",
        "The given SavedModel SignatureDef contains the following input(s):",
        "  inputs['x'] tensor_info:",
        "      dtype: DT_FLOAT",
        "      shape: (-1)",
        "      name: serving_default_x:0",
        "The given SavedModel SignatureDef contains the following output(s):",
        "  outputs['scaled'] tensor_info:",
        "      dtype: DT_FLOAT",
        "      shape: (-1)",
        "      name: StatefulPartitionedCall:0",
        "Method name is: tensorflow/serving/predict",
        "$ saved_model_cli run ...",
        "Result for output key scaled:",
        "[ 3.  6. 15.]",  # x * 3 for x = [1, 2, 5]
    ]


@claim(
    "deployment.md",
    "Only what was traced is saved",
    "A `tf.function` without an `input_signature` is saved with the concrete functions it has "
    "traced by then, and nothing else: a method never called before saving is restored with no "
    "graph to run, and calling it fails.",
)
def test_only_traced_functions_are_saved(output):
    assert lines(output("snippets/deployment/saved_model_untraced.py")) == [
        "double: 8.0",
        "ValueError: Found zero restored functions for caller function.",
    ]


@claim(
    "deployment.md",
    "The same holds for an input a traced method was not traced for: the restored function has "
    "no Python code to trace again, so a new shape or dtype finds no graph.",
    "An `input_signature` saves one graph for a whole family of inputs (here any length); an "
    "input outside it is refused with a `TypeError`:",
)
def test_saved_model_new_input(output):
    no_match = (
        "ValueError: Could not find matching concrete function to call loaded from"
        " the SavedModel. Got:"
    )
    has = "    the SavedModel has: * TensorSpec(shape=(3,), dtype=tf.float32, name='x')"
    assert lines(output("snippets/deployment/saved_model_new_input.py")) == [
        "scale(float32, shape (3,)): [2. 4. 6.]",
        f"scale(float32, shape (4,)): {no_match}",
        has,
        f"scale(int32, shape (3,)): {no_match}",
        has,
        "scale_any_length(float32, shape (3,)): [2. 4. 6.]",
        "scale_any_length(float32, shape (4,)): [2. 4. 6. 8.]",
        "scale_any_length(int32, shape (3,)): TypeError: Can not cast"
        " TensorSpec(shape=(3,), dtype=tf.int32, name=None) to"
        " TensorSpec(shape=(None,), dtype=tf.float32, name=None)",
    ]


@claim(
    "deployment.md",
    "`model.export` writes a SavedModel for inference and prints the endpoint it made, `serve`; "
    "the SavedModel holds it under two signature names, `serve` and `serving_default`.",
    "Its input keys are the names of the model's `keras.Input`s, so name them: a client has to "
    "use those keys.",
    "To use the export inside another Keras model, wrap it in `keras.layers.TFSMLayer`.",
    "A `.keras` file is a different thing: Keras' own format, with the architecture, the "
    "weights and the optimizer state, for loading back into Keras to train further.",
    "Name Keras inputs: the names become the serving input keys.",
)
def test_keras_export(output):
    shown = lines(output("snippets/deployment/keras_export.py"))
    assert shown[:13] == [
        "Saved artifact at '<tmp>/exported'. The following endpoints are available:",
        "",
        "* Endpoint 'serve'",  # the one endpoint it prints
        "  args_0 (POSITIONAL_ONLY): TensorSpec(shape=(None, 3), dtype=tf.float32,"
        " name='features')",
        "Output Type:",
        "  TensorSpec(shape=(None, 1), dtype=tf.float32, name=None)",
        "Captures:",
        "  …: TensorSpec(shape=(), dtype=tf.resource, name=None)",  # kernel
        "  …: TensorSpec(shape=(), dtype=tf.resource, name=None)",  # bias
        "signatures: ['serve', 'serving_default']",
        "input keys: ['features']",  # the keras.Input's name
        "outputs:    {'output_0': TensorSpec(shape=(None, 1), dtype=tf.float32, name='output_0')}",
        "same result: True",  # serving_default computes what the model does
    ]
    # The export as a layer, the reloaded .keras file and the model: one result.
    results = [
        re.fullmatch(rf"{label}: +(\[[-0-9.e ]+\])", line)
        for label, line in zip(["TFSMLayer", r"\.keras", r"model\(x\)"], shown[13:], strict=True)
    ]
    assert all(results) and len({r.group(1) for r in results}) == 1


@claim(
    "deployment.md",
    "Methods decorated with `tf.function(input_signature=...)` are traced when the module is "
    "saved.",
    "A SavedModel holds graphs, so everything that happened only in Python while tracing is "
    "gone: a `print` ran once, at save time; a branch on a Python value was decided then and is "
    "frozen in the graph; and there is no Python left to trace a new signature, so a call that "
    "does not match one fails.",
    "`VERBOSE` was changed to `False` before the model was served, and the served graph still "
    "prints.",
    "Anything that must happen at serving time has to be a TensorFlow op; Python-value "
    "switches are frozen at save time.",
)
def test_what_does_not_survive_export(output):
    assert lines(output("snippets/deployment/what_does_not_survive.py")) == [
        "saving...",
        "Python print: runs while tracing, at save time",
        "serving...",
        "tf.print: part of the graph",  # the branch taken while tracing
        "[2. 4.]",
        "TypeError: Binding inputs to tf.function failed due to `Can not cast"
        " TensorSpec(shape=(1, 1), dtype=tf.float32, name=None) to"
        " TensorSpec(shape=(None,), dtype=tf.float32, name=None)`",
    ]


@claim(
    "deployment.md",
    'The program XLA compiles can be read with `experimental_get_compiler_ir(...)(stage="hlo")`.',
    "Shapes in it are static: inputs of 4 and of 8 elements give two programs, and every shape "
    "in the one printed below, for 8, is fixed.",
    "Check what XLA compiles before relying on it: unsupported ops and changing shapes cost "
    "compilations or fail.",
)
def test_xla_programs_have_static_shapes(output):
    shown = lines(output("snippets/deployment/xla_compiler_ir.py"))
    while not shown[-1]:
        shown.pop()
    assert shown[:2] == ["(f32[4]{0})->f32[]", "(f32[8]{0})->f32[]"]  # two programs
    assert re.fullmatch(
        r"ENTRY %a_inference_scaled_sum_…__\.\d+ \(arg0\.1: f32\[8\]\) -> f32\[\] \{", shown[2]
    )
    assert shown[-1] == "}"
    body = shown[3:-1]
    # The instructions' names differ between releases; their ops, in order, do not.
    ops = [re.fullmatch(r"  (?:ROOT )?%\S+ = \S+ ([\w-]+)\(.*", line) for line in body]
    assert [op.group(1) for op in ops] == [
        "parameter",
        "reshape",
        "sine",  # tf.sin
        "constant",
        "broadcast",
        "multiply",  # * 2.0
        "convert",
        "constant",
        "convert",
        "reduce",  # tf.reduce_sum
        "convert",
        "reshape",
        "tuple",
        "get-tuple-element",
    ]
    assert set(re.findall(r"f32\[[^\]]*\]", "\n".join(body))) == {"f32[8]", "f32[]"}


@claim(
    "deployment.md",
    "XLA compiles only ops it has kernels for.",
    "String ops such as `AsString` have none: a function that uses one cannot be compiled as a "
    "whole, and runs as a plain `tf.function`:",
    "Check what XLA compiles before relying on it: unsupported ops and changing shapes cost "
    "compilations or fail.",
)
def test_xla_unsupported_op(output):
    assert lines(output("snippets/deployment/xla_unsupported_op.py")) == [
        "Detected unsupported operations when trying to compile",
        "unsupported ops: ['AsString']",
        "tf.Tensor([8 9], shape=(2,), dtype=int32)",  # the lengths of "1.500000", "22.000000"
    ]


@claim(
    "deployment.md",
    "Both still ship with TensorFlow, but the runtime has moved to the LiteRT project: from "
    "TensorFlow 2.18 on, creating the interpreter warns to use the LiteRT interpreter from the "
    "`ai_edge_litert` package (`pip install ai-edge-litert`) instead.",
)
def test_tflite(output):
    shown = lines(output("snippets/deployment/tflite_convert.py"))
    assert re.fullmatch(r"converted: [1-9]\d* bytes", shown[0])  # the converter ran
    assert shown[-1] == "TFLite result: [[3. 5. 7.]]"  # the interpreter ran: x * 2 + 1
    warning = " ".join(" ".join(shown[1:-1]).split())
    if tensorflow_release() >= (2, 18):  # decided by the release, not by the output
        assert re.fullmatch(
            r"\S+/interpreter\.py:\d+: UserWarning: Warning: .*Please use the LiteRT interpreter"
            r" from the ai_edge_litert package\. .*"
            r" warnings\.warn\(_INTERPRETER_DELETION_WARNING\)",
            warning,
        )
    else:
        assert warning == ""


# --- What a SavedModel keeps, case by case -------------------------------------

KEEPS = "snippets/deployment/saved_model_keeps_cases.py"
NO_CALLBACK = "InvalidArgumentError: … Could not find callback with key=pyfunc_… in the registry."


@claim(
    "deployment.md",
    "What a SavedModel keeps, case by case",
    "A SavedModel keeps graphs and variables, and nothing else of the Python objects: what a "
    "new process can call is what was traced into a graph, and what it can read is what "
    "TensorFlow tracks.",
    "Every row below was saved in this process and read back by one new Python process that "
    "loads each directory, which is how a server sees it.",
    "In the first table the function rows call the restored `m.f` on `x2` or `x3`, float "
    "tensors of shape (2,) and (3,), and the other rows read back the attribute they set; the "
    "second lists the signatures each SavedModel holds after loading, each with the input keys "
    "a client must send.",
    "An error shows its class and the first line of its message (for a graph execution error, "
    "the line that names the cause).",
)
def test_saved_model_keeps_cases_table(output):
    assert lines(output(KEEPS)) == [
        "saved                  after loading in a fresh process",
        "signature [None], x2   [2. 4.]",
        "traced for (3,), x3    [2. 4. 6.]",
        "traced for (3,), x2    ValueError: Could not find matching concrete function to call"
        " loaded from the SavedModel.",
        f"tf.py_function, x2     {NO_CALLBACK}",
        f"tf.numpy_function, x2  {NO_CALLBACK}",
        "jit_compile=True, x2   InvalidArgumentError: Detected unsupported operations when"
        " trying to compile … AsString",
        "m.n = 3                AttributeError: '_UserObject' object has no attribute 'n'",
        "m.items = [1, 2]       []",
        "m.table = {'a': 1}     {}",
        "m.t = tf.constant(7.0) AttributeError: '_UserObject' object has no attribute 't'",
        "m.v = tf.Variable(2.0) Variable(2.0)",
        "m.vs = [Variable]      [Variable(1.0)]",
        "m.vd = {'w': Variable} {'w': Variable(5.0, trainable=False)}",
        "",
        "saved with                         after loading in a fresh process",
        "f with input_signature             serving_default(x)",
        "f with input_signature, g without  serving_default(x)",
        "f and g with input_signature       no signatures",
        "signatures={'a': f, 'b': f}        a(x), b(x)",
        "signatures=g, g traced without     ValueError: Expected a TensorFlow function for which"
        " to generate a signature",
        "Keras: tf.saved_model.save(model)  serving_default(inputs)",
        "Keras: model.export(path)          serve(features), serving_default(features)",
    ]


@claim(
    "deployment.md",
    "A function with an `input_signature` takes any length; one traced only for shape (3,) runs "
    "for `x3` and refuses `x2` with a `ValueError`.",
)
def test_saved_model_keeps_only_traced_shapes(output):
    shown = lines(output(KEEPS))
    assert "signature [None], x2   [2. 4.]" in shown
    assert "traced for (3,), x3    [2. 4. 6.]" in shown
    assert (
        "traced for (3,), x2    ValueError: Could not find matching concrete function to call"
        " loaded from the SavedModel." in shown
    )


@claim(
    "deployment.md",
    "`tf.py_function` and `tf.numpy_function` are more lenient than they should be at save "
    "time: the SavedModel is written and loaded, and only the call fails, with "
    "`InvalidArgumentError`, because the graph holds a key into the saving process's registry "
    "of Python functions, which the new process does not have.",
)
def test_saved_model_python_callbacks_fail_only_when_called(output):
    shown = lines(output(KEEPS))
    # Saved and loaded: a failed save would show the save's error instead.
    assert f"tf.py_function, x2     {NO_CALLBACK}" in shown
    assert f"tf.numpy_function, x2  {NO_CALLBACK}" in shown


@claim(
    "deployment.md",
    "`jit_compile=True` is saved with the function: the new process compiles it with XLA too, "
    "and fails on a string op as the section on XLA below shows.",
)
def test_saved_model_keeps_jit_compile(output):
    assert (
        "jit_compile=True, x2   InvalidArgumentError: Detected unsupported operations when"
        " trying to compile … AsString" in lines(output(KEEPS))
    )
    assert (
        "tf.strings.as_string InvalidArgumentError Detected unsupported operations when trying"
        " to compile … AsString" in lines(output(XLA_OPS))
    )


@claim(
    "deployment.md",
    "Python values are not saved: the int and the `tf.constant` are gone (`AttributeError`), "
    "and a list or a dict of Python values comes back empty rather than missing.",
    "Variables are saved alone, in a list or in a dict, with their values and their "
    "`trainable` flag.",
)
def test_saved_model_keeps_variables_not_python_values(output):
    assert lines(output(KEEPS))[7:14] == [  # the attribute rows, in order
        "m.n = 3                AttributeError: '_UserObject' object has no attribute 'n'",
        "m.items = [1, 2]       []",
        "m.table = {'a': 1}     {}",
        "m.t = tf.constant(7.0) AttributeError: '_UserObject' object has no attribute 't'",
        "m.v = tf.Variable(2.0) Variable(2.0)",
        "m.vs = [Variable]      [Variable(1.0)]",
        "m.vd = {'w': Variable} {'w': Variable(5.0, trainable=False)}",
    ]


@claim(
    "deployment.md",
    "With no `signatures=` argument, `tf.saved_model.save` writes `serving_default` by itself "
    "when one function has an `input_signature` (a function traced without one does not "
    "count), and none when two have one.",
    "Given a dict, it writes exactly the names in it, with no `serving_default` unless one is "
    "called that.",
    "A `tf.function` without an `input_signature` is refused as a signature at save time, even "
    "after it was traced.",
    "Give every served function an `input_signature`, and name signatures explicitly when saving.",
)
def test_saved_model_default_signatures(output):
    assert lines(output(KEEPS))[16:21] == [
        "f with input_signature             serving_default(x)",
        "f with input_signature, g without  serving_default(x)",
        "f and g with input_signature       no signatures",
        "signatures={'a': f, 'b': f}        a(x), b(x)",
        "signatures=g, g traced without     ValueError: Expected a TensorFlow function for which"
        " to generate a signature",
    ]


@claim(
    "deployment.md",
    "A Keras model saved with `tf.saved_model.save` gets one signature, `serving_default`, "
    "whose input key is `inputs`, the name of the argument of the model's call; "
    "`model.export` names the key after the `keras.Input` (`features`), under `serve` and "
    "`serving_default`.",
    "Name Keras inputs: the names become the serving input keys.",
)
def test_saved_model_keras_input_keys(output):
    shown = lines(output(KEEPS))
    assert "Keras: tf.saved_model.save(model)  serving_default(inputs)" in shown
    assert "Keras: model.export(path)          serve(features), serving_default(features)" in shown


# --- XLA, case by case ----------------------------------------------------------

XLA_OPS = "snippets/deployment/xla_op_cases.py"
XLA_COUNTS = "snippets/deployment/xla_compile_count_cases.py"
UNSUPPORTED = "InvalidArgumentError Detected unsupported operations when trying to compile …"


@claim(
    "deployment.md",
    "Which ops XLA compiles, case by case",
    "XLA compiles a program in which every shape is known, or at least bounded, before it runs.",
    "An op XLA has no kernel for fails the whole function: `jit_compile=True` never falls back "
    "to running without XLA.",
    "Each row below is one op alone in a `jit_compile=True` function: the program XLA compiled "
    "for it (its parameters and result, read with `experimental_get_compiler_ir` after the "
    "call, memory layouts left out) and its result, or the error's class and the first line of "
    "its message.",
)
def test_xla_op_cases_table(output):
    assert lines(output(XLA_OPS)) == [
        "op                   XLA program          result, or the error",
        "tf.unique            (f32[4])->f32[<=4]   [1. 2. 3.]",
        "tf.boolean_mask      (f32[4])->f32[<=4]   [2. 2. 3.]",
        "tf.where(x > 1.5)    (f32[4])->s64[<=4,1] [[1] [2] [3]]",
        "tf.range(n)          ()->s32[3]           [0 1 2]",
        "tf.zeros([n * 2])    ()->f32[6]           [0. 0. 0. 0. 0. 0.]",
        "tf.zeros(random n)   InvalidArgumentError Input 0 to node `zeros` with op Fill must be a"
        " compile-time constant.",
        f"tf.strings.as_string {UNSUPPORTED} AsString",
        f"tf.print             {UNSUPPORTED} StringFormat",
        f"tf.py_function       {UNSUPPORTED} EagerPyFunc",
        f"tf.numpy_function    {UNSUPPORTED} PyFunc",
    ]


@claim(
    "deployment.md",
    "XLA is more lenient with data-dependent sizes than static shapes suggest: `tf.unique`, "
    "`tf.boolean_mask` and `tf.where` with one argument compile and return the right values, "
    "their results typed with an upper bound (`f32[<=4]`: at most 4 elements).",
)
def test_xla_compiles_data_dependent_sizes(output):
    shown = lines(output(XLA_OPS))
    # x = [1, 2, 2, 3]: its unique values, the values over 1.5, their indices
    assert "tf.unique            (f32[4])->f32[<=4]   [1. 2. 3.]" in shown
    assert "tf.boolean_mask      (f32[4])->f32[<=4]   [2. 2. 3.]" in shown
    assert "tf.where(x > 1.5)    (f32[4])->s64[<=4,1] [[1] [2] [3]]" in shown


@claim(
    "deployment.md",
    "`tf.range(n)` and `tf.zeros([n * 2])` compile too, with the tensor `n` folded into the "
    "program as a constant: their programs take no parameter (`()->s32[3]`), so each new "
    "value of `n` is a new program (below).",
)
def test_xla_folds_a_size_argument_into_the_program(output):
    shown = lines(output(XLA_OPS))
    assert "tf.range(n)          ()->s32[3]           [0 1 2]" in shown  # n = 3
    assert "tf.zeros([n * 2])    ()->f32[6]           [0. 0. 0. 0. 0. 0.]" in shown
    assert "tf.range(n), tensor n = 3, 5, 3    1 1 1      1 2 2" in lines(output(XLA_COUNTS))


@claim(
    "deployment.md",
    "A size drawn from `tf.random.uniform` cannot be known before the program runs, and the "
    "function fails with `InvalidArgumentError`: the size is not a compile-time constant.",
)
def test_xla_size_from_a_random_op(output):
    assert (
        "tf.zeros(random n)   InvalidArgumentError Input 0 to node `zeros` with op Fill must be a"
        " compile-time constant." in lines(output(XLA_OPS))
    )


@claim(
    "deployment.md",
    "Strings, printing and Python callbacks have no XLA kernel: `tf.strings.as_string`, "
    "`tf.print` (its `StringFormat` op), `tf.py_function` and `tf.numpy_function` each fail "
    'with the "Detected unsupported operations" error, which names the op.',
    "Check what XLA compiles before relying on it: unsupported ops and changing shapes cost "
    "compilations or fail.",
)
def test_xla_unsupported_op_cases(output):
    assert lines(output(XLA_OPS))[-4:] == [
        f"tf.strings.as_string {UNSUPPORTED} AsString",
        f"tf.print             {UNSUPPORTED} StringFormat",
        f"tf.py_function       {UNSUPPORTED} EagerPyFunc",
        f"tf.numpy_function    {UNSUPPORTED} PyFunc",
    ]


@claim(
    "deployment.md",
    "How many programs XLA compiles",
    "XLA compiles each distinct program once and caches it, and a program has static shapes: a "
    "new shape costs a compilation, even where the `tf.function` does not trace again, and a "
    "new value costs none unless it sets a size.",
    "Each row calls a fresh `jit_compile=True` function with the inputs it names, and prints "
    "after each call its trace count and how many distinct programs "
    "`experimental_get_compiler_ir` returns for the inputs so far.",
)
def test_xla_compile_count_table(output):
    assert lines(output(XLA_COUNTS)) == [
        "calls                              traces     XLA programs",
        "sizes 4, 8, 8, 16                  1 2 2 3    1 2 2 3",
        "  with reduce_retracing=True       1 2 2 2    1 2 2 3",
        "  with input_signature [None]      1 1 1 1    1 2 2 3",
        "values 1, 2, 3, size 4             1 1 1      1 1 1",
        "tf.range(n), tensor n = 3, 5, 3    1 1 1      1 2 2",
        "tf.range(n), Python n = 3, 5, 3    1 2 2      1 2 2",
        "compiler IR for [None]             ValueError: Only support static input shape",
    ]


@claim(
    "deployment.md",
    "Four calls with sizes 4, 8, 8 and 16 trace 3 times and compile 3 programs.",
    "`reduce_retracing=True` and an `input_signature` with a `None` dimension cut the traces, "
    "to 2 and to 1, but not the compilations: XLA still compiles 3 programs, one per size.",
    "Under XLA, pad or bucket inputs to a few sizes: each size is a compilation, whatever the "
    "tracing does.",
)
def test_xla_compiles_per_size_whatever_the_tracing(output):
    assert lines(output(XLA_COUNTS))[1:4] == [
        "sizes 4, 8, 8, 16                  1 2 2 3    1 2 2 3",
        "  with reduce_retracing=True       1 2 2 2    1 2 2 3",
        "  with input_signature [None]      1 1 1 1    1 2 2 3",
    ]


@claim(
    "deployment.md",
    "New values of one shape compile once in all.",
    "A tensor that sets a size costs a compilation per value: `tf.range(n)` traces once, yet "
    "compiles a program for each value of `n`, the count a Python `n` gives by tracing for "
    "each.",
)
def test_xla_compiles_per_value_only_for_sizes(output):
    shown = lines(output(XLA_COUNTS))
    assert "values 1, 2, 3, size 4             1 1 1      1 1 1" in shown
    assert "tf.range(n), tensor n = 3, 5, 3    1 1 1      1 2 2" in shown  # 3 again: cached
    assert "tf.range(n), Python n = 3, 5, 3    1 2 2      1 2 2" in shown


@claim(
    "deployment.md",
    "There is no program for a `None` dimension: asking `experimental_get_compiler_ir` for one "
    "raises `ValueError`.",
)
def test_xla_no_program_for_a_none_dimension(output):
    assert lines(output(XLA_COUNTS))[-1] == (
        "compiler IR for [None]             ValueError: Only support static input shape"
    )

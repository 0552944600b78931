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

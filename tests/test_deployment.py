"""Claims docs/deployment.md makes about its snippets' output."""

import re

import pytest

from conftest import lines


def test_saved_model_signatures_round_trip(output):
    out = output("snippets/deployment/saved_model_signatures.py")
    assert "signatures: ['serving_default', 'shift']" in lines(out)
    results = re.findall(r"^(method|signature|original):\s+(.*)$", out, re.M)
    assert len(results) == 3 and len({value for _, value in results}) == 1
    assert "shift:      [4. 5.]" in lines(out)


def test_saved_model_contents(output):
    out = output("snippets/deployment/saved_model_contents.py")
    files = out.split("signature")[0].split()
    assert {"saved_model.pb", "fingerprint.pb", "variables/variables.index"} <= set(files)
    assert "signature 'serving_default'" in lines(out)
    assert "inputs:  {'x': TensorSpec(shape=(None,), dtype=tf.float32, name='x')}" in out
    assert "outputs: {'scaled': TensorSpec(shape=(None,), dtype=tf.float32" in out
    assert "restored variable: factor:0 3.0" in lines(out)
    assert "<tmp>" not in out and "/tmp" not in out  # paths printed relative


def test_keras_export(output):
    out = output("snippets/deployment/keras_export.py")
    assert "Saved artifact at '<tmp>/exported'" in out  # export lists its endpoints
    assert "Endpoint 'serve'" in out
    assert "signatures: ['serve', 'serving_default']" in lines(out)
    assert "input keys: ['features']" in lines(out)  # the keras.Input name
    assert "same result: True" in lines(out)
    values = re.findall(r"^(?:TFSMLayer|\.keras|model\(x\)):\s+(.*)$", out, re.M)
    assert len(values) == 3 and len(set(values)) == 1


def test_what_does_not_survive_export(output):
    out = output("snippets/deployment/what_does_not_survive.py")
    saving, serving = out.split("serving...")
    assert "Python print: runs while tracing, at save time" in saving
    assert "Python print" not in serving
    assert "tf.print: part of the graph" in serving  # the frozen branch still prints
    assert "[2. 4.]" in serving
    assert "TypeError: Binding inputs to tf.function failed" in serving


def test_xla_programs_have_static_shapes(output):
    out = output("snippets/deployment/xla_compiler_ir.py")
    assert "(f32[4]{0})->f32[]" in lines(out) and "(f32[8]{0})->f32[]" in lines(out)
    assert "ENTRY" in out and "sine(" in out


def test_xla_unsupported_op(output):
    out = output("snippets/deployment/xla_unsupported_op.py")
    assert "Detected unsupported operations when trying to compile" in lines(out)
    assert "unsupported ops: ['AsString']" in lines(out)
    assert "tf.Tensor([8 9], shape=(2,), dtype=int32)" in lines(out)  # fine without XLA


def test_tflite(output):
    out = output("snippets/deployment/tflite_convert.py")
    if "ships no tf.lite" in out:
        pytest.skip("this TensorFlow build ships no tf.lite; the page says so")
    assert int(re.search(r"converted: (\d+) bytes", out).group(1)) > 0
    assert "TFLite result: [[3. 5. 7.]]" in lines(out)
    if "deprecated" in out:
        assert "ai_edge_litert" in out


def test_served_from_a_process_that_never_saw_the_class(output):
    out = output("snippets/deployment/serve_from_another_process.py")
    assert "$ saved_model_cli show ..." in lines(out)
    assert "  inputs['x'] tensor_info:" in lines(out)
    assert "  outputs['scaled'] tensor_info:" in lines(out)
    assert "      shape: (-1)" in lines(out)
    assert "Method name is: tensorflow/serving/predict" in lines(out)
    assert lines(out)[-2:] == ["Result for output key scaled:", "[ 3.  6. 15.]"]


def test_only_traced_functions_are_saved(output):
    out = output("snippets/deployment/saved_model_untraced.py")
    assert lines(out) == [
        "double: 8.0",
        "ValueError: Found zero restored functions for caller function.",
    ]


def test_saved_model_new_input(output):
    shown = lines(output("snippets/deployment/saved_model_new_input.py"))
    no_match = (
        "ValueError: Could not find matching concrete function to call loaded from"
        " the SavedModel. Got:"
    )
    has = "    the SavedModel has: * TensorSpec(shape=(3,), dtype=tf.float32, name='x')"
    assert shown == [
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

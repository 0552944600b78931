"""Claims docs/retracing.md makes about its snippets' output."""

import re

from conftest import lines, plain_run


def test_new_shapes_retrace(output):
    out = output("snippets/retracing/new_shapes_retrace.py")
    assert re.findall(r"tracing for shape (\S+)", out) == ["(1,)", "(2,)", "(3,)"]
    assert "traces: 3" in lines(out)  # the repeated shape reused its graph


def test_python_scalars_retrace_per_value(output):
    out = output("snippets/retracing/python_scalars.py")
    assert "Python ints: 4 traces" in lines(out)
    assert "tensors:     1 trace" in lines(out)


def test_objects_keyed_by_identity(output):
    out = output("snippets/retracing/objects_by_identity.py")
    assert out.count("tracing with scale") == 2  # two equal objects, two traces
    assert "2.0 2.0" in lines(out)
    assert "after changing first.scale: 2.0" in lines(out)  # stale: no retrace
    assert "traces: 2" in lines(out)


def test_input_signature(output):
    out = output("snippets/retracing/input_signature.py")
    assert re.search(r"^25\.0\n9\.0\ntraces: 1$", out, re.M)  # None: any length, one trace
    errors = [line for line in out.splitlines() if line.startswith("TypeError")]
    assert len(errors) == 2
    assert (
        "dtype=tf.int32" in errors[0] and "TensorSpec(shape=(None,), dtype=tf.float32" in errors[0]
    )
    assert "shape=(1, 2)" in errors[1]
    assert all("Binding inputs to tf.function failed" in e for e in errors)


def test_reduce_retracing(output):
    out = output("snippets/retracing/reduce_retracing.py")
    assert re.findall(r"tracing for shape (\S+)", out) == ["(1,)", "(None,)"]
    assert "shapes:  2 traces" in lines(out)
    assert "Python ints: 4 traces" in lines(out)  # not relaxed


def test_retracing_warning(output):
    out = output("snippets/retracing/retracing_warning.py")
    assert "WARNING:tensorflow:5 out of the last 5 calls to <function shift" in out
    assert "triggered tf.function retracing" in out
    assert "traces: 7" in lines(out)


def test_retracing_warning_goes_to_stderr():
    plain = plain_run("snippets/retracing/retracing_warning.py")
    assert "triggered tf.function retracing" in plain.stderr
    assert "triggered tf.function retracing" not in plain.stdout


def test_retrace_costs_far_more_than_a_cached_call(output):
    out = output("snippets/retracing/retrace_cost.py")
    ratio = float(re.search(r"a retrace costs (\d+)x a cached call", out).group(1))
    assert ratio > 5  # typically tens of times; a wide margin for noisy machines


def test_containers_arrays_and_variables(output):
    out = output("snippets/retracing/containers_and_arrays.py")
    expected = {
        "list, new values": 1,
        "list, new length": 2,
        "list, order of shapes": 2,
        "tuple, new values": 1,
        "dict, key order": 1,
        "dict, new key": 2,
        "namedtuple, new values": 1,
        "NumPy array, new values": 1,
        "NumPy array, new shape": 2,
        "another variable": 1,
        "f(v1, v2), then f(v1, v1)": 2,
    }
    measured = {
        m["case"]: int(m["n"])
        for m in re.finditer(r"^(?P<case>.+?) +(?P<n>\d+) trace\(s\) for 2 calls$", out, re.M)
    }
    assert measured == expected


def test_objects_keyed_by_identity_equality_or_contents(output):
    out = output("snippets/retracing/object_keys.py")
    assert lines(out) == [
        "Plain        two equal objects: 2 trace(s)",
        "WithEquality two equal objects: 2 trace(s)",
        "Frozen       two equal objects: 2 trace(s)",
        "Slotted      two equal objects: 1 trace(s)",
        "Scale        two equal objects: 1 trace(s)",
    ]


def test_method_traces_once_per_instance(output):
    out = output("snippets/retracing/method_self.py")
    assert lines(out) == [
        "  tracing for first",
        "[2. 4.] [2. 4.]",
        "  tracing for second",
        "[3. 6.]",
        "[10. 20.]",
        "traces of first: 1",
        "traces of second: 1",
    ]


def test_static_and_dynamic_shape_with_none_dimensions(output):
    out = output("snippets/retracing/unknown_dimensions.py")
    assert "x.shape at trace time:   (None, 3)" in lines(out)
    assert "x.shape[0] at trace time: None" in lines(out)
    assert re.search(r"^tf\.shape\(x\)\[0\] at trace: Tensor\(.*dtype=int32\)$", out, re.M)
    assert "tf.shape(x) when run:    [2 3]" in lines(out)
    assert "(15,)" in lines(out)
    assert (
        "x.shape[0] * 3 -> TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'"
        in lines(out)
    )


def test_scalar_for_vector_signature(output):
    assert lines(output("snippets/retracing/scalar_for_vector_signature.py")) == [
        "a vector: 3.0",
        "a scalar: Can not cast TensorSpec(shape=(), dtype=tf.float32, name=None) to"
        " TensorSpec(shape=(None,), dtype=tf.float32, name=None)",
        "reshaped to [-1]: 5.0",
        "shape=None, a scalar: 5.0",
        "shape=None, a vector: 3.0",
    ]

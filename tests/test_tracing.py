"""Claims docs/tracing.md makes about its snippets' output."""

import re

from conftest import line_matching, lines


def test_print_runs_while_tracing_tf_print_every_call(output):
    graph = output("snippets/tracing/trace_time_vs_run_time.py")
    assert graph.count("print:    x =") == 1  # once, while tracing
    assert 'print:    x = Tensor("x:0", shape=(), dtype=int32)' in graph  # symbolic
    assert [line for line in graph.splitlines() if line.startswith("tf.print")] == [
        "tf.print: x = 1",
        "tf.print: x = 2",
        "tf.print: x = 3",
    ]
    eager = output("snippets/tracing/trace_time_vs_run_time.py", eager=True)
    assert eager.count("print:    x =") == 3  # every call, with values
    assert "print:    x = tf.Tensor(1, shape=(), dtype=int32)" in eager


def test_trace_cache_keys_on_dtype_and_shape(output):
    out = output("snippets/tracing/trace_cache.py")
    body_runs = re.findall(r"Python body ran for (\w+) (\S+)", out)
    assert body_runs == [("int32", "()"), ("float32", "()"), ("int32", "(2,)")]
    assert "traces: 3" in lines(out)  # five calls, three traces
    eager = output("snippets/tracing/trace_cache.py", eager=True)
    assert eager.count("Python body ran") == 5
    assert "traces: 0" in eager


def test_concrete_signatures_lists_each_trace(output):
    out = output("snippets/tracing/concrete_signatures.py")
    assert out.count("Input Parameters:") == 2
    assert "TensorSpec(shape=(), dtype=tf.int32" in out
    assert "TensorSpec(shape=(2,), dtype=tf.float32" in out


def test_concrete_function(output):
    out = output("snippets/tracing/concrete_function.py")
    assert "TensorSpec(shape=(None,), dtype=tf.float32" in out  # None: any length
    assert "tf.Tensor([10. 20. 30.], shape=(3,), dtype=float32)" in lines(out)
    assert "traces: 2" in lines(out)
    assert "InvalidArgumentError" in out
    assert "expected to be a float tensor but is a int32 tensor" in out


def test_graph_operations(output, drawn):
    out = output("snippets/tracing/graph_operations.py")
    types = [line.split()[1] for line in out.splitlines()]
    assert types.count("Placeholder") == 3  # the arguments
    assert types[-1] == "Identity"  # the result
    assert "MatMul" in types and "AddV2" in types
    assert "inputs: ['x:0', 'w:0']" in out  # op:output_index
    svg = drawn("snippets/tracing/graph_operations.py", "concrete")
    for op_type in ("Placeholder", "MatMul", "AddV2", "Identity"):
        assert f">{op_type}</text>" in svg


def test_graph_def(output):
    out = output("snippets/tracing/graph_def.py")
    assert "nodes: ['x', 'w', 'b', 'MatMul', 'add', 'Identity']" in lines(out)
    assert "op: MatMul  inputs: ['x', 'w']" in lines(out)
    assert "attr T: type: DT_FLOAT" in out


def test_python_function_runs_eagerly(output):
    out = output("snippets/tracing/python_function.py")
    lines = out.splitlines()
    assert lines[0] == "Python body ran, executing eagerly: True"
    assert "Python body ran, executing eagerly: False" in lines
    assert out.count("Python body ran") == 2  # the third call ran the graph only


def test_non_strict_execution(output):
    out = output("snippets/tracing/non_strict_execution.py")
    assert "eager: InvalidArgumentError" in out
    assert "tf.function: tf.Tensor([1 2 3]" in out  # the unused gather never ran
    assert "tf.debugging assert: InvalidArgumentError" in lines(out)
    assert "GatherV2: stateful=False" in lines(out)  # pruned when unused
    assert "Assert: stateful=True" in lines(out)  # kept by automatic control deps


def test_grappler_fuses_matmul_bias_add_relu(output, drawn):
    out = output("snippets/tracing/grappler_fusion.py")
    traced = re.search(r"traced ops: +\[(.*?)\]", out, re.S).group(1)
    optimized = re.search(r"optimized ops: \[(.*?)\]", out, re.S).group(1)
    for op_type in ("'MatMul'", "'BiasAdd'", "'Relu'"):
        assert op_type in traced
        assert op_type not in optimized
    assert "FusedMatMul" in optimized
    assert re.search(r"FusedMatMul computes MatMul \+ \['BiasAdd', 'Relu'\]", out)
    assert "FusedMatMul" in drawn("snippets/tracing/grappler_fusion.py", "optimized")
    # The tf.function's own run, from the profiler: one fused kernel, on the
    # Relu node, and no separate MatMul, BiasAdd or Relu kernel.
    ran = line_matching(r"the tf\.function ran \(node:kernel\): \[(.*)\]", out).group(1)
    kernels = [name.strip("'").split(":")[1] for name in ran.split(", ")]
    assert any(re.fullmatch(r"_\w*FusedMatMul", k) for k in kernels), kernels
    assert not {"MatMul", "BiasAdd", "Relu", "_MklMatMul"} & set(kernels), kernels
    assert "'Relu:" in ran


def test_python_arguments_are_fixed_in_a_concrete_function(output):
    out = output("snippets/tracing/python_args_fixed.py")
    assert lines(out)[:2] == ["6.0", "6.0"]
    assert re.search(
        r"^TypeError: Binding inputs to tf\.function failed .*Can not cast 10", out, re.M
    )
    assert "the tf.function retraces: 30.0" in lines(out)


def test_a_tf_function_behaves_like_an_op(output):
    out = output("snippets/tracing/function_is_an_op.py")
    assert lines(out)[:3] == ["  tracing outer", "  tracing inner", "outer(3) = 10.0  d/dx = 6.0"]
    ops = re.search(r"^ops in outer's graph: \[(.*)\]$", out, re.M).group(1)
    assert "'PartitionedCall'" in ops or "'StatefulPartitionedCall'" in ops

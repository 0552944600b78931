"""Claims docs/autograph.md makes about its snippets' output."""

import re

from conftest import line_matching, lines


def _ops(out: str, label: str) -> list[str]:
    return re.findall(r"'(\w+)'", re.search(rf"{label}\[(.*?)\]", out).group(1))


def test_tensor_if_becomes_one_conditional_op(output):
    out = output("snippets/autograph/tensor_if_becomes_cond.py")
    assert out.count("tracing") == 1  # both signs, one trace
    assert "3 4" in lines(out)
    assert "traces: 1" in lines(out)
    ops = _ops(out, "ops: ")
    assert set(ops) & {"StatelessIf", "If"}
    assert "GreaterEqual" in ops


def test_python_if_decided_at_trace_time(output):
    out = output("snippets/autograph/python_if_decided_at_trace.py")
    assert "traces: 2" in lines(out)  # True and False; the second True reuses its graph
    relu, tanh = _ops(out, "graph for True: "), _ops(out, "graph for False: ")
    assert "Relu" in relu and "Tanh" not in relu  # only the branch taken
    assert "Tanh" in tanh and "Relu" not in tanh
    assert not {"If", "StatelessIf"} & set(relu + tanh)


def test_tensor_while_becomes_loop_op(output):
    out = output("snippets/autograph/tensor_while_loop.py")
    assert "halvings(1) = 0" in lines(out) and "halvings(1000) = 9" in lines(out)
    assert "traces: 1" in lines(out)
    assert set(_ops(out, "loop ops: ")) <= {"StatelessWhile", "While"}
    assert _ops(out, "loop ops: ")


def test_range_unrolls_tf_range_loops(output):
    out = output("snippets/autograph/range_vs_tf_range.py")
    sizes = {
        int(n): (int(u), int(t))
        for n, u, t in re.findall(r"n=\s*(\d+): range -> (\d+) ops, tf.range -> (\d+) ops", out)
    }
    assert sizes[10][0] > sizes[3][0]  # unrolled graph grows with the count
    assert sizes[10][1] == sizes[3][1]  # the loop op's graph does not
    assert "traces of unrolled: 2" in lines(out)  # the count is frozen per trace
    assert "traces of looped:   1" in lines(out)


def test_break_and_continue(output):
    out = output("snippets/autograph/break_continue_return.py")
    assert "first multiple of 3: index 3" in lines(out)  # -6 skipped by continue
    assert "first multiple of 4: index 4" in lines(out)
    assert "first multiple of 11: index -1" in lines(out)
    assert "traces: 1" in lines(out)


def test_return_inside_tensor_loop_is_an_error(output):
    out = output("snippets/autograph/return_inside_loop.py")
    assert "NotImplementedError" in out
    assert "return statement cannot be placed inside this TensorFlow loop" in out


def test_tensor_array_accumulates(output):
    out = output("snippets/autograph/accumulate_in_loop.py")
    assert "[ 1  3  6 10]" in lines(out)
    assert "[10  0  5]" in lines(out)


def test_to_code_shows_converted_statements(output):
    out = output("snippets/autograph/to_code.py")
    assert "def tf__clipped_sum(values, limit):" in lines(out)
    assert "ag__.for_stmt(" in out
    assert "ag__.if_stmt(" in out


def test_undefined_in_one_branch(output):
    out = output("snippets/autograph/undefined_in_one_branch.py")
    assert "ValueError: 'y' must also be initialized in the else branch" in lines(out)


def test_loop_var_changing_shape_and_fix(output):
    out = output("snippets/autograph/loop_var_changes_shape.py")
    assert "ValueError: 'x' has shape (1,) before the loop, but shape (2,)" in out
    assert "set_loop_options" in out
    assert "fixed: [0 1 2 3]" in lines(out)


def test_comprehension_condition_not_converted(output):
    out = output("snippets/autograph/comprehension_not_converted.py")
    assert "OperatorNotAllowedInGraphError" in out
    assert "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed" in out


def test_autograph_false(output):
    out = output("snippets/autograph/autograph_false.py")
    assert "autograph=True:  2.0" in lines(out)
    assert "autograph=False, Python condition: 0.0" in lines(out)
    assert "autograph=False, tensor condition: OperatorNotAllowedInGraphError" in lines(out)
    assert "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed" in out


def test_conversion_skipped(output):
    out = output("snippets/autograph/conversion_skipped.py")
    assert "do_not_convert: OperatorNotAllowedInGraphError" in lines(out)
    assert "no source: OperatorNotAllowedInGraphError" in lines(out)


def test_string_source_is_not_converted_and_the_error_hints_why(output):
    out = output("snippets/autograph/conversion_skipped.py")
    assert "AutoGraph could not transform" not in out  # no warning for this case
    assert "your source code may not be visible to AutoGraph" in out


def test_two_lambdas_on_a_line_are_run_as_is_with_a_warning(output):
    out = output("snippets/autograph/could_not_transform.py")
    warnings = re.findall(
        r"^WARNING:tensorflow:AutoGraph could not transform <function <lambda> at 0x…> "
        r"and will run it as-is\.$",
        out,
        re.M,
    )
    assert len(warnings) == 2
    assert "found multiple definitions with identical signatures at the location" in out
    assert "result: 15" in lines(out)


def test_to_code_on_a_tf_function_names_the_fix(output):
    out = output("snippets/autograph/to_code_on_tf_function.py")
    first = lines(out)[0]
    assert first.startswith("ConversionError: converting <")
    assert first.endswith("If this is a @tf.function, try passing f.python_function instead.")
    assert "def tf__clipped(x, limit):" in lines(out)
    assert re.search(r"^ +ag__\.if_stmt\(", out, re.M)


def test_builtins_on_tensors(output):
    out = output("snippets/autograph/builtins_on_tensors.py")
    with_autograph, without = out.split("autograph=False:\n")
    assert lines(with_autograph)[1:] == [
        "  float(x)           -> float32 tensor 3.0",
        "  int(x)             -> int32 tensor 3",
        "  len(v)             -> int32 tensor 3",
        "  for i in range(n)  -> int32 tensor 3",
        "  sum(range(n))      -> OperatorNotAllowedInGraphError",
        "  abs(x)             -> float32 tensor 3.0",
        '    print ran, with Tensor("x:0", shape=(), dtype=float32)',
        "  print(x)           -> None",
    ]
    assert lines(without) == [
        "  float(x)           -> TypeError",
        "  int(x)             -> TypeError",
        "  len(v)             -> TypeError",
        "  for i in range(n)  -> TypeError",
        "  sum(range(n))      -> TypeError",
        "  abs(x)             -> float32 tensor 3.0",
        '    print ran, with Tensor("x:0", shape=(), dtype=float32)',
        "  print(x)           -> None",
    ]


def test_both_branches_are_traced_and_must_agree_on_dtype(output):
    out = output("snippets/autograph/both_branches_traced.py")
    assert lines(out)[:2] == [
        "3",
        "Python side effects while tracing: ['positive branch', 'negative branch']",
    ]
    assert "after the if, count is a tensor: True" in lines(out)
    assert "count_positive(3) = 1" in lines(out)
    assert re.search(
        r"^TypeError: .*'y' has dtype int32 in the main branch, "
        r"but dtype float32 in the else branch$",
        out,
        re.M,
    )


def test_tensor_break_in_while_true_and_python_list_loops(output):
    out = output("snippets/autograph/break_and_python_lists.py")
    assert lines(out) == [
        "NotImplementedError: The condition of while loop started as non-Tensor, "
        "then changed to Tensor",
        "fixed: 128",
        "total: 15.0",
        "Sum ops in the graph: 3",
    ]


def test_float_in_condition_becomes_a_cond_with_both_branches_traced(output):
    out = output("snippets/autograph/float_in_condition.py")
    shown = lines(out)
    at = shown.index("first call, x = 2.0:")
    assert shown[at + 1 : at + 4] == [
        "  tracing the x > 0 branch",
        "  tracing the x <= 0 branch",
        "result: 2.0",
    ]
    assert "result: 3.0" in shown and "traces: 1" in shown
    line_matching(
        r"autograph=False: TypeError: float\(\) argument must be a string or a real"
        r" number, not '(Symbolic)?Tensor'",
        out,
    )
    line_matching(
        r"a vector: ValueError: condition of if statement expected to be `tf\.bool`"
        r" scalar, got .*",
        out,
    )


def test_bool_despite_autograph(output):
    shown = lines(output("snippets/autograph/bool_despite_autograph.py"))
    failing = {
        "comprehension_filter": "[3. 2.]",
        "any_builtin": "True",
        "bool_builtin": "True",
        "assert_statement": "3.0",
    }
    for name, fixed in failing.items():
        at = shown.index(f"{name:29} -> OperatorNotAllowedInGraphError")
        assert shown[at + 1] == f"{name + '_fixed':29} -> {fixed}"
    assert f"{'conditional_expression':29} -> 3.0" in shown
    assert f"{'and_in_expression':29} -> False" in shown


def test_iterating_a_symbolic_tensor(output):
    shown = lines(output("snippets/autograph/iterate_symbolic_tensor.py"))
    assert shown == [
        "OperatorNotAllowedInGraphError: Iterating over a symbolic `tf.Tensor` is not allowed.",
        "for statement: [2 4 6]",
        "one op, no loop: [2 4 6]",
    ]


def test_every_conversion_fallback_warns_with_its_cause_and_the_if_fails(output):
    out = output("snippets/autograph/conversion_fallbacks.py")
    cases = re.split(r"^--- ", out, flags=re.M)[1:]
    causes = {
        "typed into an interactive shell": r"Cause: Unable to locate the source code of "
        r"<function sign at 0x…>\. Note that functions defined in certain environments,"
        r" like the interactive Python shell, do not expose their source code\..*",
        "name-mangled attribute": r"Cause: mangled names are not yet supported",
        "for/else": r"Cause: for/else statement not yet supported",
        "while/else": r"Cause: while/else statement not yet supported",
    }
    assert [case.splitlines()[0] for case in cases] == list(causes)
    for case, cause in zip(cases, causes.values(), strict=True):
        shown = lines(case)
        assert re.fullmatch(
            r"WARNING:tensorflow:AutoGraph could not transform <.+> and will run it as-is\.",
            shown[1],
        ), case
        assert any(re.fullmatch(cause, line) for line in shown), case
        assert shown[-1] == (
            "OperatorNotAllowedInGraphError: Using a symbolic `tf.Tensor` as a Python"
            " `bool` is not allowed."
        )

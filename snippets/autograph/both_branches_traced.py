import tensorflow as tf

calls = []


@tf.function
def pick(x):
    if x > 0:  # a tensor condition: both branches are traced
        calls.append("positive branch")
        result = x
    else:
        calls.append("negative branch")
        result = -x
    return result


print(pick(tf.constant(3)).numpy())
print("Python side effects while tracing:", calls)  # both ran, once


@tf.function
def count_positive(x):
    count = 0  # a Python int
    if x > 0:
        count += 1  # changed in a tensor `if`: now the conditional op's output
    print("after the if, count is a tensor:", isinstance(count, tf.Tensor))
    return count


print("count_positive(3) =", count_positive(tf.constant(3)).numpy())


@tf.function
def mismatched(x):
    if x > 0:
        y = tf.constant(1)  # int32 in one branch
    else:
        y = tf.constant(1.0)  # float32 in the other
    return y


try:
    mismatched(tf.constant(3))
except TypeError as error:
    last = str(error).strip().splitlines()[-1].strip()
    print("TypeError:", last.removeprefix("TypeError: "))

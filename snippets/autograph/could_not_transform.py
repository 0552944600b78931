import tensorflow as tf

# Two lambdas on one line: AutoGraph finds the line, cannot tell which lambda
# it is looking at, and converts neither (each is run as-is, with a warning).
double, triple = (lambda x: x * 2), (lambda x: x * 3)


@tf.function
def combined(x):
    return double(x) + triple(x)


print("result:", combined(tf.constant(3)).numpy())

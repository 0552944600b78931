import tensorflow as tf

# Each helper below has a tensor condition (an `if`, or the `while` itself).
# AutoGraph turns it into a graph op when it can convert the helper; when it
# cannot, it runs the helper as-is, and the condition asks Python for the
# truth value of a symbolic tensor.
SOURCE = "def {name}(x):\n    if x > 0:\n        return x\n    return -x\n"


def typed_into_shell(name):
    """A helper compiled as the interactive shell compiles what you type:
    its code says it comes from "<stdin>", a file that does not exist."""
    namespace = {"__name__": "__main__"}
    exec(compile(SOURCE.format(name=name), "<stdin>", "exec"), namespace)
    return namespace[name]


class Scaler:
    def __init__(self):
        self.__factor = 2.0  # a name-mangled attribute (two underscores)

    def scale(self, x):
        if x > 0:
            return x * self.__factor
        return x


def with_for_else(x):
    for _ in range(2):
        x = x + 1
    else:  # for/else
        x = x * 2
    if x > 0:
        return x
    return -x


def with_while_else(x):
    while x > 10:
        x = x - 1
    else:  # while/else
        x = x + 1
    return x


helpers = {
    "typed into an interactive shell": typed_into_shell("sign"),
    "name-mangled attribute": Scaler().scale,
    "for/else": with_for_else,
    "while/else": with_while_else,
}
for case, helper in helpers.items():
    print(f"--- {case}")
    try:
        result = tf.function(lambda x, helper=helper: helper(x))(
            tf.constant(3.0)
        )
        print("ran:", result.numpy())
    except tf.errors.OperatorNotAllowedInGraphError as error:
        message = str(error).strip().splitlines()[-1].strip()
        print(message.split(". ")[0] + ".")  # the message's first sentence

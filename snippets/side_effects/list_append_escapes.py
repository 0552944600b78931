import tensorflow as tf

doubled = []


@tf.function
def remember(x):
    doubled.append(x * 2)  # Python side effect: runs only while tracing
    return x


for value in [1, 2, 3]:
    remember(tf.constant(value))
print("list after 3 calls:", doubled)

try:
    print(doubled[0] + 1)  # a graph tensor used outside its graph
except TypeError as error:
    print(f"{type(error).__name__}: {str(error).splitlines()[0]}")

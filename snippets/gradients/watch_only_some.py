import tensorflow as tf

frozen = tf.Variable(2.0, name="frozen")  # a variable to leave alone
tuned = tf.Variable(5.0, name="tuned")

with tf.GradientTape() as tape:
    y = frozen * tuned
print("default, watched:", [v.name for v in tape.watched_variables()])

with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(tuned)  # only what is watched by hand is recorded
    y = frozen * tuned
print("watch_accessed_variables=False, watched:", end=" ")
print([v.name for v in tape.watched_variables()])
d_frozen, d_tuned = tape.gradient(y, [frozen, tuned])
print("dy/d(frozen):", d_frozen, " dy/d(tuned):", float(d_tuned))

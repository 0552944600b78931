import tensorflow as tf


@tf.function(input_signature=[tf.TensorSpec([1, 3], tf.float32)])
def affine(x):
    return x * 2.0 + 1.0


converter = tf.lite.TFLiteConverter.from_concrete_functions(
    [affine.get_concrete_function()], affine
)
flatbuffer = converter.convert()
print("converted:", len(flatbuffer), "bytes")
interpreter = tf.lite.Interpreter(model_content=flatbuffer)
interpreter.allocate_tensors()
(inp,), (out,) = (
    interpreter.get_input_details(),
    interpreter.get_output_details(),
)
interpreter.set_tensor(inp["index"], tf.constant([[1.0, 2.0, 3.0]]).numpy())
interpreter.invoke()
print("TFLite result:", interpreter.get_tensor(out["index"]))

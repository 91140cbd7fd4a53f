namespace Sn19.Inference.Gguf;

/// <summary>
/// The tensor element types Sn19 reads and writes, with ggml's type numbers. A file holding any other
/// ggml type is rejected at open with a <see cref="GgufFormatException"/> naming the type and the tensor.
/// </summary>
public enum GgufTensorType : uint
{
    /// <summary>32-bit IEEE float, 4 bytes per element.</summary>
    F32 = 0,

    /// <summary>16-bit IEEE half, 2 bytes per element.</summary>
    F16 = 1,

    /// <summary>Blocks of 32 elements: an f16 scale d then 32 signed bytes q; element = d * q (34 bytes a block).</summary>
    Q8_0 = 8,
}

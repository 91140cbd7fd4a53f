namespace Sn19.Inference.Gguf;

/// <summary>
/// One tensor's directory entry. <paramref name="Dimensions"/> follow ggml order: <c>Dimensions[0]</c> (ne[0]) is the
/// fastest-varying axis, the length of one row. <paramref name="Offset"/> is relative to the start of the file's
/// tensor-data section and is a multiple of the file's alignment.
/// </summary>
public sealed record GgufTensorInfo(
    string Name,
    GgufTensorType Type,
    IReadOnlyList<long> Dimensions,
    ulong Offset,
    long ElementCount,
    long ByteSize);

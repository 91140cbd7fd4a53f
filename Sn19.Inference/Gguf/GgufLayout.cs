namespace Sn19.Inference.Gguf;

/// <summary>What the parser found in a file's header; <paramref name="DataStart"/> is the absolute offset of tensor data.</summary>
internal sealed record GgufLayout(
    uint Version,
    ulong Alignment,
    Dictionary<string, GgufValue> Metadata,
    List<GgufTensorInfo> Tensors,
    long DataStart);

namespace Sn19.Inference.Gguf;

using System.Globalization;
using System.Text;

/// <summary>
/// Builds a GGUF version 3 file in the layout llama.cpp's gguf reader expects: metadata in insertion order, tensor
/// infos in insertion order, each tensor's data at the next multiple of the alignment after the previous one (so
/// offsets are contiguous modulo padding), and every tensor, the last included, zero-padded to the alignment.
/// The alignment is general.alignment when that key is added (a power-of-two UInt32), otherwise 32.
/// </summary>
public sealed class GgufWriter
{
    /// <summary>ggml's GGML_MAX_NAME is 64 bytes including the terminating zero.</summary>
    public const int MaxTensorNameBytes = 63;

    private readonly List<KeyValuePair<string, GgufValue>> _metadata = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<PendingTensor> _tensors = [];
    private readonly HashSet<string> _tensorNames = new(StringComparer.Ordinal);

    public int TensorCount => _tensors.Count;

    public void AddMetadata(string key, GgufValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key == GgufParser.AlignmentKey)
        {
            var alignment = value.Type == GgufValueType.UInt32 ? value.AsUInt32() : 0;
            if (alignment == 0 || (alignment & (alignment - 1)) != 0)
            {
                throw new ArgumentException($"'{key}' must be a power-of-two UInt32, not {value.Describe()} {value}", nameof(value));
            }
        }

        if (!_keys.Add(key))
        {
            throw new ArgumentException($"metadata key '{key}' was already added", nameof(key));
        }

        _metadata.Add(new(key, value));
    }

    /// <summary>Adds a tensor, copying <paramref name="data"/>, which must hold exactly the tensor's bytes.</summary>
    public void AddTensor(string name, GgufTensorType type, IReadOnlyList<long> dimensions, ReadOnlySpan<byte> data) =>
        AddTensor(name, type, dimensions, new ReadOnlyMemory<byte>(data.ToArray()));

    /// <summary>Adds a tensor without copying: <paramref name="data"/> must stay unchanged until the file is written.</summary>
    public void AddTensor(string name, GgufTensorType type, IReadOnlyList<long> dimensions, ReadOnlyMemory<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(dimensions);
        if (Encoding.UTF8.GetByteCount(name) > MaxTensorNameBytes)
        {
            throw new ArgumentException($"tensor name '{name}' is longer than {MaxTensorNameBytes} UTF-8 bytes", nameof(name));
        }

        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported tensor type");
        }

        if (dimensions.Count is 0 or > GgufParser.MaxDimensions || dimensions.Any(d => d < 0))
        {
            throw new ArgumentException(
                $"tensor '{name}' needs 1 to {GgufParser.MaxDimensions} non-negative dimensions, got [{string.Join(", ", dimensions)}]",
                nameof(dimensions));
        }

        var byteSize = GgufTensorTypes.ByteSize(type, dimensions);
        if (data.Length != byteSize)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"tensor '{name}' ({type} [{string.Join(", ", dimensions)}]) needs {byteSize} bytes, got {data.Length}"), nameof(data));
        }

        if (!_tensorNames.Add(name))
        {
            throw new ArgumentException($"tensor '{name}' was already added", nameof(name));
        }

        _tensors.Add(new PendingTensor(name, type, [.. dimensions], data));
    }

    public void WriteTo(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        WriteTo(stream);
    }

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var alignment = _keys.Contains(GgufParser.AlignmentKey)
            ? _metadata.First(kv => kv.Key == GgufParser.AlignmentKey).Value.AsUInt32()
            : GgufParser.DefaultAlignment;

        var output = new GgufOutput(stream);
        output.WriteUInt32(GgufParser.Magic);
        output.WriteUInt32(3);
        output.WriteUInt64((ulong)_tensors.Count);
        output.WriteUInt64((ulong)_metadata.Count);
        foreach (var (key, value) in _metadata)
        {
            output.WriteString(key);
            output.WriteUInt32((uint)value.Type);
            output.WriteValue(value);
        }

        var offset = 0UL;
        foreach (var tensor in _tensors)
        {
            output.WriteString(tensor.Name);
            output.WriteUInt32((uint)tensor.Dimensions.Length);
            foreach (var ne in tensor.Dimensions)
            {
                output.WriteUInt64((ulong)ne);
            }

            output.WriteUInt32((uint)tensor.Type);
            output.WriteUInt64(offset);
            offset = GgufParser.AlignUp(offset + (ulong)tensor.Data.Length, alignment);
        }

        // As ggml's own writer does: the data section starts aligned even when there are no tensors.
        output.PadTo(alignment);
        foreach (var tensor in _tensors)
        {
            output.WriteBytes(tensor.Data.Span);
            output.PadTo(alignment);
        }

        output.Flush();
    }

    private sealed record PendingTensor(string Name, GgufTensorType Type, long[] Dimensions, ReadOnlyMemory<byte> Data);
}

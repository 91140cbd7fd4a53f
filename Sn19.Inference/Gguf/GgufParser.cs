namespace Sn19.Inference.Gguf;

using System.Globalization;

/// <summary>
/// Reads a GGUF header, metadata and tensor directory (gguf.md, version 3; version 2 has the same layout):
/// <code>
///   "GGUF" u32 version, u64 tensor_count, u64 kv_count
///   kv_count × { string key, u32 value_type, value }            (array: u32 elem_type, u64 n, n × elem)
///   tensor_count × { string name, u32 n_dims, n_dims × u64 ne, u32 ggml_type, u64 offset }
///   zero padding to general.alignment (u32, default 32), then the tensor data section
/// </code>
/// Strings are u64 length + UTF-8 bytes; bools one byte; all little-endian.
/// </summary>
internal static class GgufParser
{
    public const uint Magic = 0x46554747; // "GGUF" read as a little-endian u32
    public const ulong DefaultAlignment = 32;
    public const string AlignmentKey = "general.alignment";
    public const int MaxDimensions = 4; // GGML_MAX_DIMS

    public static GgufLayout Parse(GgufCursor cursor)
    {
        if (cursor.Length < 4 || cursor.ReadUInt32() != Magic)
        {
            throw new GgufFormatException("not a GGUF file: the first four bytes are not \"GGUF\"");
        }

        var version = cursor.ReadUInt32();
        if (version is 0x0200_0000 or 0x0300_0000)
        {
            throw new GgufFormatException("this is a big-endian GGUF file; only little-endian files are supported");
        }

        if (version is not (2 or 3))
        {
            throw new GgufFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"GGUF version {version} is not supported (versions 2 and 3 are; version 1 used 32-bit counts)"));
        }

        var tensorCount = cursor.ReadUInt64();
        var kvCount = cursor.ReadUInt64();

        // Each key-value pair takes at least 8 (key length) + 4 (type) + 1 bytes; each tensor info at least 8 + 4 + 8 + 4 + 8.
        cursor.EnsureCanHold(kvCount, 13, "metadata entries");
        var metadata = new Dictionary<string, GgufValue>((int)Math.Min(kvCount, 4096), StringComparer.Ordinal);
        for (var i = 0UL; i < kvCount; i++)
        {
            var keyAt = cursor.Position;
            var key = cursor.ReadString();
            var type = (GgufValueType)cursor.ReadUInt32();
            var value = ReadValue(cursor, type, key);
            if (!metadata.TryAdd(key, value))
            {
                throw new GgufFormatException(string.Create(
                    CultureInfo.InvariantCulture, $"metadata key '{key}' appears twice (second at offset {keyAt})"));
            }
        }

        var alignment = ReadAlignment(metadata);

        cursor.EnsureCanHold(tensorCount, 32, "tensor infos");
        var tensors = new List<GgufTensorInfo>((int)Math.Min(tensorCount, 65536));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0UL; i < tensorCount; i++)
        {
            var tensor = ReadTensorInfo(cursor, alignment);
            if (!names.Add(tensor.Name))
            {
                throw new GgufFormatException($"tensor '{tensor.Name}' appears twice");
            }

            tensors.Add(tensor);
        }

        var dataStart = AlignUp((ulong)cursor.Position, alignment);
        foreach (var tensor in tensors)
        {
            var end = dataStart + tensor.Offset + (ulong)tensor.ByteSize;
            if (end > (ulong)cursor.Length || end < dataStart)
            {
                throw new GgufFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the file is truncated: tensor '{tensor.Name}' ({tensor.ByteSize} bytes at data offset {tensor.Offset}) ends at byte {end} but the file has {cursor.Length}"));
            }
        }

        return new GgufLayout(version, alignment, metadata, tensors, (long)dataStart);
    }

    public static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) / alignment * alignment;

    private static ulong ReadAlignment(Dictionary<string, GgufValue> metadata)
    {
        if (!metadata.TryGetValue(AlignmentKey, out var value))
        {
            return DefaultAlignment;
        }

        if (value.Type != GgufValueType.UInt32)
        {
            throw new GgufFormatException($"'{AlignmentKey}' must be a UInt32, found {value.Describe()}");
        }

        var alignment = value.AsUInt32();
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
        {
            throw new GgufFormatException(string.Create(
                CultureInfo.InvariantCulture, $"'{AlignmentKey}' = {alignment} is not a power of two"));
        }

        return alignment;
    }

    private static GgufTensorInfo ReadTensorInfo(GgufCursor cursor, ulong alignment)
    {
        var name = cursor.ReadString();
        var rank = cursor.ReadUInt32();
        if (rank is 0 or > MaxDimensions)
        {
            throw new GgufFormatException(string.Create(
                CultureInfo.InvariantCulture, $"tensor '{name}' has {rank} dimensions; 1 to {MaxDimensions} are allowed"));
        }

        var dims = new long[rank];
        var elements = 1L;
        for (var d = 0; d < rank; d++)
        {
            var ne = cursor.ReadUInt64();
            if (ne > long.MaxValue / 2)
            {
                throw new GgufFormatException(string.Create(
                    CultureInfo.InvariantCulture, $"tensor '{name}' has an impossible dimension {ne}"));
            }

            dims[d] = (long)ne;
            elements = ne == 0 ? 0 : elements > long.MaxValue / (long)ne
                ? throw new GgufFormatException($"tensor '{name}' has more elements than a long can count")
                : elements * (long)ne;
        }

        var rawType = cursor.ReadUInt32();
        if (!GgufTensorTypes.IsSupported(rawType))
        {
            throw new GgufFormatException(
                $"tensor '{name}' has type {GgufTensorTypes.Describe(rawType)}, which Sn19 cannot read (supported: F32, F16, Q8_0)");
        }

        var type = (GgufTensorType)rawType;
        if (dims[0] % GgufTensorTypes.BlockSize(type) != 0)
        {
            throw new GgufFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"tensor '{name}' of type {type} has a row of {dims[0]} elements, not a multiple of its block size {GgufTensorTypes.BlockSize(type)}"));
        }

        var offset = cursor.ReadUInt64();
        if (offset % alignment != 0)
        {
            throw new GgufFormatException(string.Create(
                CultureInfo.InvariantCulture, $"tensor '{name}' has data offset {offset}, not a multiple of the alignment {alignment}"));
        }

        return new GgufTensorInfo(name, type, dims, offset, elements, GgufTensorTypes.ByteSize(type, dims));
    }

    private static GgufValue ReadValue(GgufCursor cursor, GgufValueType type, string key)
    {
        if (type != GgufValueType.Array)
        {
            return GgufValue.WrapScalar(type, ReadScalar(cursor, type, key));
        }

        var elementType = (GgufValueType)cursor.ReadUInt32();
        var count = cursor.ReadUInt64();
        if (elementType == GgufValueType.Array)
        {
            throw new GgufFormatException($"metadata key '{key}' holds an array of arrays, which GGUF readers do not support");
        }

        cursor.EnsureCanHold(count, ElementMinBytes(elementType, key), $"elements of '{key}'");
        if (count > int.MaxValue)
        {
            throw new GgufFormatException(string.Create(
                CultureInfo.InvariantCulture, $"metadata key '{key}' holds {count} elements, more than an array can"));
        }

        // The big arrays of real files (tokens, merges, scores, token types) are read without boxing.
        Array array = elementType switch
        {
            GgufValueType.String => ReadArray((int)count, cursor.ReadString),
            GgufValueType.Float32 => ReadArray((int)count, cursor.ReadFloat32),
            GgufValueType.Int32 => ReadArray((int)count, cursor.ReadInt32),
            _ => Array.CreateInstance(GgufValue.ClrElementType(elementType), (int)count),
        };
        if (elementType is not (GgufValueType.String or GgufValueType.Float32 or GgufValueType.Int32))
        {
            for (var i = 0; i < array.Length; i++)
            {
                array.SetValue(ReadScalar(cursor, elementType, key), i);
            }
        }

        return GgufValue.WrapArray(elementType, array);
    }

    private static T[] ReadArray<T>(int count, Func<T> read)
    {
        var array = new T[count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = read();
        }

        return array;
    }

    private static object ReadScalar(GgufCursor cursor, GgufValueType type, string key) => type switch
    {
        GgufValueType.UInt8 => cursor.ReadUInt8(),
        GgufValueType.Int8 => cursor.ReadInt8(),
        GgufValueType.UInt16 => cursor.ReadUInt16(),
        GgufValueType.Int16 => cursor.ReadInt16(),
        GgufValueType.UInt32 => cursor.ReadUInt32(),
        GgufValueType.Int32 => cursor.ReadInt32(),
        GgufValueType.Float32 => cursor.ReadFloat32(),
        GgufValueType.Bool => cursor.ReadBool(),
        GgufValueType.String => cursor.ReadString(),
        GgufValueType.UInt64 => cursor.ReadUInt64(),
        GgufValueType.Int64 => cursor.ReadInt64(),
        GgufValueType.Float64 => cursor.ReadFloat64(),
        _ => throw new GgufFormatException(string.Create(
            CultureInfo.InvariantCulture, $"metadata key '{key}' has unknown value type {(uint)type}")),
    };

    private static int ElementMinBytes(GgufValueType type, string key) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 or GgufValueType.String => 8,
        _ => throw new GgufFormatException(string.Create(
            CultureInfo.InvariantCulture, $"metadata key '{key}' is an array of unknown value type {(uint)type}")),
    };
}

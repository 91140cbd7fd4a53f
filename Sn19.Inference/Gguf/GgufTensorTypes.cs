namespace Sn19.Inference.Gguf;

using System.Globalization;

/// <summary>Sizes and names of ggml tensor types.</summary>
public static class GgufTensorTypes
{
    // ggml's type names by number; gaps are numbers ggml retired. Used only to name a type in an error.
    private static readonly string?[] GgmlNames =
    [
        "F32", "F16", "Q4_0", "Q4_1", null, null, "Q5_0", "Q5_1", "Q8_0", "Q8_1",
        "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S",
        "IQ4_NL", "IQ3_S", "IQ2_S", "IQ4_XS", "I8", "I16", "I32", "I64", "F64", "IQ1_M",
        "BF16", "Q4_0_4_4", "Q4_0_4_8", "Q4_0_8_8", "TQ1_0", "TQ2_0", "IQ4_NL_4_4", "IQ4_NL_4_8", "IQ4_NL_8_8", "MXFP4",
    ];

    /// <summary>Whether Sn19 can read and write tensors of this ggml type number.</summary>
    public static bool IsSupported(uint ggmlType) =>
        ggmlType is (uint)GgufTensorType.F32 or (uint)GgufTensorType.F16 or (uint)GgufTensorType.Q8_0;

    /// <summary>ggml's name and number for a type, e.g. "Q4_K (12)"; "unknown type (99)" when ggml has none.</summary>
    public static string Describe(uint ggmlType)
    {
        var name = ggmlType < GgmlNames.Length ? GgmlNames[ggmlType] : null;
        return name is null
            ? string.Create(CultureInfo.InvariantCulture, $"unknown type ({ggmlType})")
            : string.Create(CultureInfo.InvariantCulture, $"{name} ({ggmlType})");
    }

    /// <summary>Elements per block: 1 for F32 and F16, 32 for Q8_0.</summary>
    public static int BlockSize(GgufTensorType type) => type switch
    {
        GgufTensorType.F32 or GgufTensorType.F16 => 1,
        GgufTensorType.Q8_0 => Q8Quantization.BlockSize,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported tensor type"),
    };

    /// <summary>Bytes per block: 4 for F32, 2 for F16, 34 for Q8_0.</summary>
    public static int BlockBytes(GgufTensorType type) => type switch
    {
        GgufTensorType.F32 => 4,
        GgufTensorType.F16 => 2,
        GgufTensorType.Q8_0 => Q8Quantization.BlockBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported tensor type"),
    };

    /// <summary>Bytes of one row of <paramref name="rowLength"/> elements; the row length must be a whole number of blocks.</summary>
    public static long RowBytes(GgufTensorType type, long rowLength)
    {
        var block = BlockSize(type);
        if (rowLength < 0 || rowLength % block != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"a {type} row must hold a multiple of {block} elements, not {rowLength}"),
                nameof(rowLength));
        }

        return rowLength / block * BlockBytes(type);
    }

    /// <summary>Bytes of a tensor of the given ggml-ordered dimensions (ne[0] first).</summary>
    public static long ByteSize(GgufTensorType type, IReadOnlyList<long> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Count == 0)
        {
            throw new ArgumentException("a tensor needs at least one dimension", nameof(dimensions));
        }

        var rows = 1L;
        for (var i = 1; i < dimensions.Count; i++)
        {
            rows = checked(rows * dimensions[i]);
        }

        return checked(RowBytes(type, dimensions[0]) * rows);
    }
}

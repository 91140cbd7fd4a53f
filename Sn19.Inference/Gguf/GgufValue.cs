namespace Sn19.Inference.Gguf;

using System.Globalization;

/// <summary>
/// One GGUF metadata value: a scalar, a string, or a one-level array of scalars or strings (arrays of arrays are
/// rejected, as llama.cpp does). Immutable. Arrays are held as typed .NET arrays (e.g. <c>float[]</c>, <c>string[]</c>).
/// </summary>
public sealed class GgufValue
{
    private readonly object _value;

    private GgufValue(GgufValueType type, GgufValueType elementType, object value)
    {
        Type = type;
        ElementType = elementType;
        _value = value;
    }

    public GgufValueType Type { get; }

    /// <summary>For an <see cref="GgufValueType.Array"/>, the type of its elements; otherwise equal to <see cref="Type"/>.</summary>
    public GgufValueType ElementType { get; }

    /// <summary>Number of elements of an array value.</summary>
    public int ArrayLength => Type == GgufValueType.Array
        ? ((Array)_value).Length
        : throw new GgufFormatException($"a {Type} value is not an array");

    public static GgufValue FromUInt8(byte value) => new(GgufValueType.UInt8, GgufValueType.UInt8, value);

    public static GgufValue FromInt8(sbyte value) => new(GgufValueType.Int8, GgufValueType.Int8, value);

    public static GgufValue FromUInt16(ushort value) => new(GgufValueType.UInt16, GgufValueType.UInt16, value);

    public static GgufValue FromInt16(short value) => new(GgufValueType.Int16, GgufValueType.Int16, value);

    public static GgufValue FromUInt32(uint value) => new(GgufValueType.UInt32, GgufValueType.UInt32, value);

    public static GgufValue FromInt32(int value) => new(GgufValueType.Int32, GgufValueType.Int32, value);

    public static GgufValue FromUInt64(ulong value) => new(GgufValueType.UInt64, GgufValueType.UInt64, value);

    public static GgufValue FromInt64(long value) => new(GgufValueType.Int64, GgufValueType.Int64, value);

    public static GgufValue FromFloat32(float value) => new(GgufValueType.Float32, GgufValueType.Float32, value);

    public static GgufValue FromFloat64(double value) => new(GgufValueType.Float64, GgufValueType.Float64, value);

    public static GgufValue FromBool(bool value) => new(GgufValueType.Bool, GgufValueType.Bool, value);

    public static GgufValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(GgufValueType.String, GgufValueType.String, value);
    }

    /// <summary>
    /// An array value. <paramref name="values"/> must be a .NET array whose element type matches
    /// <paramref name="elementType"/> (byte[] for UInt8, sbyte[] for Int8, …, bool[], string[], double[]).
    /// The array is copied.
    /// </summary>
    public static GgufValue FromArray(GgufValueType elementType, Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var expected = ClrElementType(elementType);
        if (values.GetType().GetElementType() != expected || values.Rank != 1)
        {
            throw new ArgumentException(
                $"a {elementType} array must be given as {expected.Name}[], not {values.GetType().Name}",
                nameof(values));
        }

        if (values is string[] strings && Array.Exists(strings, s => s is null))
        {
            throw new ArgumentException("a string array must not hold null", nameof(values));
        }

        return new(GgufValueType.Array, elementType, values.Clone());
    }

    public static GgufValue FromStringArray(IEnumerable<string> values) =>
        FromArray(GgufValueType.String, values.ToArray());

    public static GgufValue FromInt32Array(IEnumerable<int> values) =>
        FromArray(GgufValueType.Int32, values.ToArray());

    public static GgufValue FromFloat32Array(IEnumerable<float> values) =>
        FromArray(GgufValueType.Float32, values.ToArray());

    public string AsString() => _value as string ?? throw Mismatch(GgufValueType.String);

    public bool AsBool() => _value is bool b ? b : throw Mismatch(GgufValueType.Bool);

    /// <summary>Any integer value as a long (a UInt64 above long.MaxValue is an error).</summary>
    public long AsInt64() => _value switch
    {
        byte v => v,
        sbyte v => v,
        ushort v => v,
        short v => v,
        uint v => v,
        int v => v,
        long v => v,
        ulong v when v <= long.MaxValue => (long)v,
        _ => throw Mismatch(GgufValueType.Int64),
    };

    /// <summary>Any non-negative integer value as a ulong.</summary>
    public ulong AsUInt64() => _value is ulong u ? u : AsInt64() is var v and >= 0 ? (ulong)v : throw Mismatch(GgufValueType.UInt64);

    /// <summary>An integer value that fits in an int.</summary>
    public int AsInt32() => AsInt64() is var v and >= int.MinValue and <= int.MaxValue ? (int)v : throw Mismatch(GgufValueType.Int32);

    /// <summary>An integer value that fits in a uint.</summary>
    public uint AsUInt32() => AsInt64() is var v and >= 0 and <= uint.MaxValue ? (uint)v : throw Mismatch(GgufValueType.UInt32);

    /// <summary>A Float32 value, or a Float64 narrowed to float.</summary>
    public float AsFloat32() => _value switch
    {
        float f => f,
        double d => (float)d,
        _ => throw Mismatch(GgufValueType.Float32),
    };

    /// <summary>A Float64 value, or a Float32 widened.</summary>
    public double AsFloat64() => _value switch
    {
        double d => d,
        float f => f,
        _ => throw Mismatch(GgufValueType.Float64),
    };

    /// <summary>The elements of an array whose element type is exactly <typeparamref name="T"/>'s GGUF type.</summary>
    public IReadOnlyList<T> AsArray<T>() =>
        _value as T[] ?? throw new GgufFormatException(
            $"expected an array of {typeof(T).Name}, found {Describe()}");

    /// <summary>A string array.</summary>
    public IReadOnlyList<string> AsStringArray() => AsArray<string>();

    /// <summary>An array of any integer element type whose values fit in an int.</summary>
    public int[] AsInt32Array() => _value switch
    {
        int[] ints => (int[])ints.Clone(),
        uint[] or byte[] or sbyte[] or ushort[] or short[] or long[] or ulong[] => ConvertIntegers((Array)_value),
        _ => throw new GgufFormatException($"expected an array of integers, found {Describe()}"),
    };

    /// <summary>An array of Float32 (or Float64, narrowed).</summary>
    public float[] AsFloat32Array() => _value switch
    {
        float[] floats => (float[])floats.Clone(),
        double[] doubles => Array.ConvertAll(doubles, d => (float)d),
        _ => throw new GgufFormatException($"expected an array of floats, found {Describe()}"),
    };

    /// <summary>The raw value: a boxed scalar, a string, or a typed array (not copied; do not mutate).</summary>
    internal object RawValue => _value;

    /// <summary>"UInt32", "Array of String (32000)" and the like.</summary>
    public string Describe() => Type == GgufValueType.Array
        ? string.Create(CultureInfo.InvariantCulture, $"Array of {ElementType} ({ArrayLength})")
        : Type.ToString();

    public override string ToString() => Type switch
    {
        GgufValueType.Array => Describe(),
        GgufValueType.String => AsString(),
        _ => Convert.ToString(_value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    internal static Type ClrElementType(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 => typeof(byte),
        GgufValueType.Int8 => typeof(sbyte),
        GgufValueType.UInt16 => typeof(ushort),
        GgufValueType.Int16 => typeof(short),
        GgufValueType.UInt32 => typeof(uint),
        GgufValueType.Int32 => typeof(int),
        GgufValueType.Float32 => typeof(float),
        GgufValueType.Bool => typeof(bool),
        GgufValueType.String => typeof(string),
        GgufValueType.UInt64 => typeof(ulong),
        GgufValueType.Int64 => typeof(long),
        GgufValueType.Float64 => typeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "arrays of arrays are not supported"),
    };

    // Only for arrays the reader built itself: wraps without a copy.
    internal static GgufValue WrapArray(GgufValueType elementType, Array values) => new(GgufValueType.Array, elementType, values);

    internal static GgufValue WrapScalar(GgufValueType type, object value) => new(type, type, value);

    private static int[] ConvertIntegers(Array values)
    {
        var result = new int[values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var v = Convert.ToDecimal(values.GetValue(i), CultureInfo.InvariantCulture);
            if (v is < int.MinValue or > int.MaxValue)
            {
                throw new GgufFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"array element {i} = {v} does not fit in an int"));
            }

            result[i] = (int)v;
        }

        return result;
    }

    private GgufFormatException Mismatch(GgufValueType wanted) =>
        new($"expected a {wanted} value, found {Describe()}" + (Type == GgufValueType.Array ? string.Empty : $" = {this}"));
}

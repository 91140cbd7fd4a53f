namespace Sn19.Host.Configuration;

using System.ComponentModel;
using System.Globalization;

/// <summary>
/// A number of bytes, written in configuration as in HOCON: `512MiB`, `64 KB`, `10M`, `1.5 GiB`.
/// Powers of two: K/k/Ki/KiB/kibibyte(s) and likewise M, G, T; powers of ten: kB/KB/kilobyte(s),
/// MB/megabyte(s), GB/gigabyte(s), TB/terabyte(s). No unit (or B, byte, bytes) means bytes.
/// </summary>
[TypeConverter(typeof(ByteSizeConverter))]
public readonly record struct ByteSize(long Bytes) : IComparable<ByteSize>
{
    private static readonly Dictionary<string, long> Multipliers = Build();

    public static ByteSize FromKibibytes(long value) => new(checked(value * 1024));

    public static ByteSize FromMebibytes(long value) => new(checked(value * 1024 * 1024));

    public static bool TryParse(string? text, out ByteSize value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !Quantities.TrySplit(text.Trim(), out var number, out var unit) ||
            !Multipliers.TryGetValue(unit, out var multiplier) || number < 0)
        {
            return false;
        }

        var bytes = number * multiplier;
        if (bytes > long.MaxValue)
        {
            return false;
        }

        value = new ByteSize((long)decimal.Truncate(bytes));
        return true;
    }

    public static ByteSize Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a size (e.g. 512MiB, 64 KB, 10M, 4096)");

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    /// <summary>The largest binary unit that divides the count exactly: `64MiB`, `1536KiB`, `100B`.</summary>
    public override string ToString()
    {
        string[] units = ["TiB", "GiB", "MiB", "KiB"];
        for (var i = 0; i < units.Length; i++)
        {
            var size = 1L << (10 * (units.Length - i));
            if (Bytes != 0 && Bytes % size == 0)
            {
                return (Bytes / size).ToString(CultureInfo.InvariantCulture) + units[i];
            }
        }

        return Bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }

    private static Dictionary<string, long> Build()
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(long multiplier, params string[] names)
        {
            foreach (var n in names)
            {
                map[n] = multiplier;
            }
        }

        Add(1, "", "B", "b", "byte", "bytes");
        Add(1000, "kB", "KB", "kilobyte", "kilobytes");
        Add(1000_000, "MB", "megabyte", "megabytes");
        Add(1000_000_000, "GB", "gigabyte", "gigabytes");
        Add(1000_000_000_000, "TB", "terabyte", "terabytes");
        Add(1L << 10, "K", "k", "Ki", "KiB", "kibibyte", "kibibytes");
        Add(1L << 20, "M", "m", "Mi", "MiB", "mebibyte", "mebibytes");
        Add(1L << 30, "G", "g", "Gi", "GiB", "gibibyte", "gibibytes");
        Add(1L << 40, "T", "t", "Ti", "TiB", "tebibyte", "tebibytes");
        return map;
    }
}

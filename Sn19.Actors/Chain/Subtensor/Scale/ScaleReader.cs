namespace Sn19.Actors.Chain.Subtensor.Scale;

using System.Buffers.Binary;
using System.Numerics;
using System.Text;

/// <summary>
/// Reads SCALE (Parity's codec: little-endian fixed-width integers, compact integers, length-prefixed vectors and
/// strings, 0/1 options) from a byte array, front to back. A read past the end throws <see cref="ScaleFormatException"/>
/// naming the offset, so a truncated or misparsed blob never yields silent garbage.
/// </summary>
public sealed class ScaleReader(byte[] bytes)
{
    private readonly byte[] _bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));

    public int Position { get; private set; }

    public int Remaining => _bytes.Length - Position;

    public bool AtEnd => Position == _bytes.Length;

    public static ScaleReader FromHex(string hex) => new(Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex));

    public byte ReadByte() => Take(1)[0];

    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw new ScaleFormatException($"a bool is 0 or 1, not {b}", Position - 1),
    };

    public ushort ReadU16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint ReadU32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadU64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public UInt128 ReadU128() => BinaryPrimitives.ReadUInt128LittleEndian(Take(16));

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>A compact integer: 1, 2 or 4 bytes for values below 2^30 (the low two bits say which), else a length byte
    /// and up to 67 little-endian bytes.</summary>
    public BigInteger ReadCompact()
    {
        var first = ReadByte();
        switch (first & 3)
        {
            case 0:
                return first >> 2;
            case 1:
                return (first | ((uint)ReadByte() << 8)) >> 2;
            case 2:
                return (first | ((uint)ReadByte() << 8) | ((uint)ReadByte() << 16) | ((uint)ReadByte() << 24)) >> 2;
            default:
                var length = (first >> 2) + 4;
                return new BigInteger(Take(length), isUnsigned: true, isBigEndian: false);
        }
    }

    /// <summary>A compact integer that must fit an int (a length, a type id).</summary>
    public int ReadCompactInt()
    {
        var at = Position;
        var value = ReadCompact();
        return value <= int.MaxValue ? (int)value : throw new ScaleFormatException($"a length of {value} does not fit", at);
    }

    /// <summary>A UTF-8 string: compact byte length, then the bytes.</summary>
    public string ReadString() => Encoding.UTF8.GetString(Take(ReadCompactInt()));

    /// <summary>A vector: compact count, then each item.</summary>
    public List<T> ReadVector<T>(Func<ScaleReader, T> item)
    {
        var count = ReadCompactInt();
        if (count > Remaining)
        {
            // Every item takes at least one byte... except unit items, which metadata never holds in a vector.
            throw new ScaleFormatException($"a vector of {count} items in {Remaining} bytes", Position);
        }

        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(item(this));
        }

        return items;
    }

    /// <summary>An optional compact integer (a type id in metadata): 0 for none, 1 then the value.</summary>
    public int? ReadOptionalCompactInt() => ReadBool() ? ReadCompactInt() : null;

    /// <summary>An option: 0 for none, 1 then the value.</summary>
    public T? ReadOption<T>(Func<ScaleReader, T> value)
        where T : class => ReadByte() switch
        {
            0 => null,
            1 => value(this),
            var b => throw new ScaleFormatException($"an option tag is 0 or 1, not {b}", Position - 1),
        };

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new ScaleFormatException($"{count} bytes wanted, {Remaining} left", Position);
        }

        var span = _bytes.AsSpan(Position, count);
        Position += count;
        return span;
    }
}

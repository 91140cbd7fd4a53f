namespace Sn19.Inference.Gguf;

using System.Buffers.Binary;
using System.Globalization;
using System.Text;

/// <summary>
/// Bounds-checked little-endian reads over the mapped file. Every read that would pass the end of the file
/// throws a <see cref="GgufFormatException"/> saying the file is truncated and where.
/// </summary>
internal sealed unsafe class GgufCursor
{
    // Largest string the reader accepts; a length beyond it is corruption, not a real key or token.
    private const ulong MaxStringBytes = 1UL << 30;


    private readonly byte* _base;

    public GgufCursor(byte* data, long length)
    {
        _base = data;
        Length = length;
    }

    public long Length { get; }

    public long Position { get; set; }

    public long Remaining => Length - Position;

    public byte ReadUInt8() => *Take(1);

    public sbyte ReadInt8() => (sbyte)*Take(1);

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(Take(2), 2));

    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(new ReadOnlySpan<byte>(Take(2), 2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(Take(4), 4));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(new ReadOnlySpan<byte>(Take(4), 4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(Take(8), 8));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(new ReadOnlySpan<byte>(Take(8), 8));

    public float ReadFloat32() => BinaryPrimitives.ReadSingleLittleEndian(new ReadOnlySpan<byte>(Take(4), 4));

    public double ReadFloat64() => BinaryPrimitives.ReadDoubleLittleEndian(new ReadOnlySpan<byte>(Take(8), 8));

    public bool ReadBool()
    {
        var at = Position;
        var b = ReadUInt8();
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw new GgufFormatException(
                string.Create(CultureInfo.InvariantCulture, $"invalid bool byte {b} at offset {at}")),
        };
    }

    /// <summary>
    /// A GGUF string: u64 byte length then UTF-8 bytes, no terminator. Invalid UTF-8 (some converted vocabularies
    /// hold raw byte tokens) becomes U+FFFD rather than refusing the whole model.
    /// </summary>
    public string ReadString()
    {
        var at = Position;
        var length = ReadUInt64();
        if (length > MaxStringBytes || (long)length > Remaining)
        {
            throw Truncated(at, $"a string of {length} bytes");
        }

        return Encoding.UTF8.GetString(new ReadOnlySpan<byte>(Take((long)length), (int)length));
    }

    /// <summary>Checks that <paramref name="count"/> items of at least <paramref name="minItemBytes"/> each can still fit.</summary>
    public void EnsureCanHold(ulong count, int minItemBytes, string what)
    {
        if (count > (ulong)Remaining / (ulong)minItemBytes)
        {
            throw Truncated(Position, string.Create(CultureInfo.InvariantCulture, $"{count} {what}"));
        }
    }

    public GgufFormatException Truncated(long at, string what) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"the file is truncated or corrupt: {what} at offset {at} would end past the end of the file ({Length} bytes)"));

    private byte* Take(long count)
    {
        if (count > Remaining)
        {
            throw Truncated(Position, string.Create(CultureInfo.InvariantCulture, $"a read of {count} bytes"));
        }

        var p = _base + Position;
        Position += count;
        return p;
    }
}

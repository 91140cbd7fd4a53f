namespace Sn19.Actors.Chain.Subtensor.Scale;

using System.Buffers.Binary;
using System.Numerics;
using System.Text;

/// <summary>Writes SCALE, front to back, into a growing buffer (the mirror of <see cref="ScaleReader"/>).</summary>
public sealed class ScaleWriter
{
    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public byte[] ToArray() => [.. _bytes];

    public ScaleWriter WriteByte(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    public ScaleWriter WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public ScaleWriter WriteU16(ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(buffer, value);
        return WriteBytes(buffer);
    }

    public ScaleWriter WriteU32(uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        return WriteBytes(buffer);
    }

    public ScaleWriter WriteU64(ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        return WriteBytes(buffer);
    }

    /// <summary>A fixed-width little-endian integer of <paramref name="width"/> bytes (u128, u256, ...).</summary>
    public ScaleWriter WriteUnsigned(BigInteger value, int width)
    {
        var bytes = value.ToByteArray(isUnsigned: value.Sign >= 0, isBigEndian: false);
        if (value.Sign < 0 ? bytes.Length > width : bytes.Length > width)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {width} bytes");
        }

        WriteBytes(bytes);
        for (var i = bytes.Length; i < width; i++)
        {
            WriteByte(value.Sign < 0 ? (byte)0xff : (byte)0);
        }

        return this;
    }

    public ScaleWriter WriteBytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _bytes.Add(b);
        }

        return this;
    }

    /// <summary>A compact integer: the shortest of the 1-, 2- and 4-byte forms, else a length byte and the minimal bytes.</summary>
    public ScaleWriter WriteCompact(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "a compact integer is unsigned");
        }

        if (value < 1 << 6)
        {
            return WriteByte((byte)((int)value << 2));
        }

        if (value < 1 << 14)
        {
            return WriteU16((ushort)(((int)value << 2) | 1));
        }

        if (value < 1 << 30)
        {
            return WriteU32(((uint)value << 2) | 2);
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        WriteByte((byte)(((bytes.Length - 4) << 2) | 3));
        return WriteBytes(bytes);
    }

    public ScaleWriter WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteCompact(bytes.Length);
        return WriteBytes(bytes);
    }
}

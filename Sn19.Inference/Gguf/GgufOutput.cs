namespace Sn19.Inference.Gguf;

using System.Buffers.Binary;
using System.Text;

/// <summary>Little-endian GGUF encoding onto a stream, tracking the position for alignment padding.</summary>
internal sealed class GgufOutput(Stream stream)
{
    private readonly byte[] _scratch = new byte[8];
    private long _position;

    public void WriteUInt8(byte value)
    {
        stream.WriteByte(value);
        _position++;
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_scratch, value);
        WriteBytes(_scratch.AsSpan(0, 2));
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_scratch, value);
        WriteBytes(_scratch.AsSpan(0, 4));
    }

    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_scratch, value);
        WriteBytes(_scratch.AsSpan(0, 8));
    }

    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteUInt64((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        _position += bytes.Length;
    }

    public void PadTo(ulong alignment)
    {
        var padding = (long)(GgufParser.AlignUp((ulong)_position, alignment) - (ulong)_position);
        Span<byte> zeros = stackalloc byte[64];
        zeros.Clear();
        while (padding > 0)
        {
            var n = (int)Math.Min(padding, zeros.Length);
            WriteBytes(zeros[..n]);
            padding -= n;
        }
    }

    public void Flush() => stream.Flush();

    /// <summary>The value's payload (its type tag is written by the caller); arrays as elem type, count, elements.</summary>
    public void WriteValue(GgufValue value)
    {
        if (value.Type != GgufValueType.Array)
        {
            WriteScalar(value.Type, value.RawValue);
            return;
        }

        var array = (Array)value.RawValue;
        WriteUInt32((uint)value.ElementType);
        WriteUInt64((ulong)array.Length);
        switch (array)
        {
            case string[] strings:
                foreach (var s in strings)
                {
                    WriteString(s);
                }

                break;
            case float[] floats:
                foreach (var f in floats)
                {
                    WriteUInt32(BitConverter.SingleToUInt32Bits(f));
                }

                break;
            case int[] ints:
                foreach (var i in ints)
                {
                    WriteUInt32(unchecked((uint)i));
                }

                break;
            default:
                foreach (var element in array)
                {
                    WriteScalar(value.ElementType, element);
                }

                break;
        }
    }

    private void WriteScalar(GgufValueType type, object value)
    {
        switch (type)
        {
            case GgufValueType.UInt8: WriteUInt8((byte)value); break;
            case GgufValueType.Int8: WriteUInt8(unchecked((byte)(sbyte)value)); break;
            case GgufValueType.UInt16: WriteUInt16((ushort)value); break;
            case GgufValueType.Int16: WriteUInt16(unchecked((ushort)(short)value)); break;
            case GgufValueType.UInt32: WriteUInt32((uint)value); break;
            case GgufValueType.Int32: WriteUInt32(unchecked((uint)(int)value)); break;
            case GgufValueType.Float32: WriteUInt32(BitConverter.SingleToUInt32Bits((float)value)); break;
            case GgufValueType.Bool: WriteUInt8((bool)value ? (byte)1 : (byte)0); break;
            case GgufValueType.String: WriteString((string)value); break;
            case GgufValueType.UInt64: WriteUInt64((ulong)value); break;
            case GgufValueType.Int64: WriteUInt64(unchecked((ulong)(long)value)); break;
            case GgufValueType.Float64: WriteUInt64(BitConverter.DoubleToUInt64Bits((double)value)); break;
            default: throw new InvalidOperationException($"cannot write a value of type {type}");
        }
    }
}

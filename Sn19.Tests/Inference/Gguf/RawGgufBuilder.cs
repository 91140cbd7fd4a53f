namespace Sn19.Tests.Inference.Gguf;

using System.Text;

/// <summary>Writes GGUF bytes field by field, so tests can make files the real writer refuses to make.</summary>
internal sealed class RawGgufBuilder
{
    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    public RawGgufBuilder() => _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);

    public RawGgufBuilder Header(uint version, ulong tensors, ulong kvs, uint magic = 0x46554747)
    {
        _writer.Write(magic);
        _writer.Write(version);
        _writer.Write(tensors);
        _writer.Write(kvs);
        return this;
    }

    public RawGgufBuilder String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        _writer.Write((ulong)bytes.Length);
        _writer.Write(bytes);
        return this;
    }

    public RawGgufBuilder KeyUInt32(string key, uint value)
    {
        String(key);
        _writer.Write(4u);
        _writer.Write(value);
        return this;
    }

    public RawGgufBuilder TensorInfo(string name, uint type, ulong offset, params ulong[] dims)
    {
        String(name);
        _writer.Write((uint)dims.Length);
        foreach (var d in dims)
        {
            _writer.Write(d);
        }

        _writer.Write(type);
        _writer.Write(offset);
        return this;
    }

    public RawGgufBuilder PadTo(int alignment)
    {
        _writer.Flush();
        while (_stream.Length % alignment != 0)
        {
            _writer.Write((byte)0);
        }

        return this;
    }

    public RawGgufBuilder Bytes(int count)
    {
        _writer.Write(new byte[count]);
        return this;
    }

    public byte[] ToArray()
    {
        _writer.Flush();
        return _stream.ToArray();
    }
}

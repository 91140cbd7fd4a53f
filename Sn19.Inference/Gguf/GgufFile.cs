namespace Sn19.Inference.Gguf;

using System.Globalization;
using System.IO.MemoryMappedFiles;

/// <summary>
/// An open GGUF file (version 3, or 2): its metadata and tensor directory parsed up front, tensor data memory-mapped
/// read-only and never copied. Tensor pointers stay valid until <see cref="Dispose"/>. Thread-safe for reading.
/// </summary>
public sealed unsafe class GgufFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _base;
    private readonly long _dataStart;
    private readonly Dictionary<string, GgufTensorInfo> _tensorsByName;
    private int _disposed;

    private GgufFile(string path, MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* data, long length)
    {
        Path = path;
        _map = map;
        _view = view;
        _base = data;
        Length = length;
        var layout = GgufParser.Parse(new GgufCursor(data, length));
        Version = layout.Version;
        Alignment = layout.Alignment;
        Metadata = layout.Metadata;
        Tensors = layout.Tensors;
        _dataStart = layout.DataStart;
        _tensorsByName = layout.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>File size in bytes.</summary>
    public long Length { get; }

    public uint Version { get; }

    /// <summary>Alignment of tensor data: general.alignment, 32 when absent.</summary>
    public ulong Alignment { get; }

    public IReadOnlyDictionary<string, GgufValue> Metadata { get; }

    /// <summary>Tensors in file order.</summary>
    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    /// <summary>Opens and parses a GGUF file; a malformed file or an unsupported tensor type is a <see cref="GgufFormatException"/>.</summary>
    public static GgufFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw new GgufFormatException($"'{path}' is empty, not a GGUF file");
        }

        MemoryMappedFile? map = null;
        MemoryMappedViewAccessor? view = null;
        var acquired = false;
        try
        {
            map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, 0, MemoryMappedFileAccess.Read);
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            acquired = true;
            return new GgufFile(path, map, view, pointer + view.PointerOffset, length);
        }
        catch (GgufFormatException e)
        {
            Release(map, view, acquired);
            throw new GgufFormatException($"'{path}': {e.Message}", e);
        }
        catch
        {
            Release(map, view, acquired);
            throw;
        }
    }

    public GgufTensorInfo? FindTensor(string name) => _tensorsByName.GetValueOrDefault(name);

    /// <summary>The tensor of this name; a missing one is a <see cref="GgufFormatException"/> naming it.</summary>
    public GgufTensorInfo GetTensor(string name) =>
        FindTensor(name) ?? throw new GgufFormatException($"'{Path}' has no tensor '{name}'");

    /// <summary>Start of a tensor's data in the mapping (aligned to <see cref="Alignment"/> within the file).</summary>
    public byte* GetTensorPointer(GgufTensorInfo tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_tensorsByName.TryGetValue(tensor.Name, out var own))
        {
            throw new ArgumentException($"tensor '{tensor.Name}' does not belong to '{Path}'", nameof(tensor));
        }

        return _base + _dataStart + (long)own.Offset;
    }

    /// <summary>A tensor's bytes as a span (tensors over 2 GiB need <see cref="GetTensorPointer"/>).</summary>
    public ReadOnlySpan<byte> GetTensorBytes(GgufTensorInfo tensor)
    {
        var pointer = GetTensorPointer(tensor);
        if (tensor.ByteSize > int.MaxValue)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"tensor '{tensor.Name}' has {tensor.ByteSize} bytes, too many for a span; use GetTensorPointer"));
        }

        return new ReadOnlySpan<byte>(pointer, (int)tensor.ByteSize);
    }

    public bool ContainsKey(string key) => Metadata.ContainsKey(key);

    /// <summary>The value of a metadata key; a missing key is a <see cref="GgufFormatException"/> naming it.</summary>
    public GgufValue GetValue(string key) =>
        Metadata.TryGetValue(key, out var value) ? value : throw new GgufFormatException($"'{Path}' has no metadata key '{key}'");

    public string GetString(string key) => Get(key, v => v.AsString());

    public uint GetUInt32(string key) => Get(key, v => v.AsUInt32());

    public int GetInt32(string key) => Get(key, v => v.AsInt32());

    public ulong GetUInt64(string key) => Get(key, v => v.AsUInt64());

    public float GetFloat32(string key) => Get(key, v => v.AsFloat32());

    public bool GetBool(string key) => Get(key, v => v.AsBool());

    public IReadOnlyList<string> GetStringArray(string key) => Get(key, v => v.AsStringArray());

    public int[] GetInt32Array(string key) => Get(key, v => v.AsInt32Array());

    public float[] GetFloat32Array(string key) => Get(key, v => v.AsFloat32Array());

    public bool TryGetString(string key, out string value) => TryGet(key, v => v.AsString(), out value!);

    public bool TryGetUInt32(string key, out uint value) => TryGet(key, v => v.AsUInt32(), out value);

    public bool TryGetInt32(string key, out int value) => TryGet(key, v => v.AsInt32(), out value);

    public bool TryGetFloat32(string key, out float value) => TryGet(key, v => v.AsFloat32(), out value);

    public bool TryGetBool(string key, out bool value) => TryGet(key, v => v.AsBool(), out value);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release(_map, _view, acquired: _view is not null);
        }
    }

    private static void Release(MemoryMappedFile? map, MemoryMappedViewAccessor? view, bool acquired)
    {
        if (acquired)
        {
            view!.SafeMemoryMappedViewHandle.ReleasePointer();
        }

        view?.Dispose();
        map?.Dispose();
    }

    private T Get<T>(string key, Func<GgufValue, T> read)
    {
        var value = GetValue(key);
        try
        {
            return read(value);
        }
        catch (GgufFormatException e)
        {
            throw new GgufFormatException($"'{Path}': metadata key '{key}': {e.Message}", e);
        }
    }

    /// <summary>False when the key is absent; a present key of the wrong type is still an error naming it.</summary>
    private bool TryGet<T>(string key, Func<GgufValue, T> read, out T value)
    {
        if (!Metadata.ContainsKey(key))
        {
            value = default!;
            return false;
        }

        value = Get(key, read);
        return true;
    }
}

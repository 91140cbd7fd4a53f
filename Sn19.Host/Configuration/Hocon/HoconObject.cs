namespace Sn19.Host.Configuration.Hocon;

/// <summary>An object: fields in the order they were first set. Objects are mutable while a document is
/// parsed (repeated keys merge into them in place) and while it is resolved (substitutions are replaced
/// by their values in place).</summary>
internal sealed class HoconObject(HoconOrigin origin) : HoconValue(origin)
{
    private readonly OrderedDictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);

    public IEnumerable<string> Keys => _fields.Keys;

    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields;

    public int Count => _fields.Count;

    public override bool IsResolved => _fields.Values.All(v => v.IsResolved);

    public bool TryGet(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    public void Set(string key, HoconValue value) => _fields[key] = value;

    public void Remove(string key) => _fields.Remove(key);

    /// <summary>Merges <paramref name="other"/> into this object: where both hold an object for a key the
    /// two merge recursively, otherwise the value of <paramref name="other"/> wins.</summary>
    public void MergeFrom(HoconObject other)
    {
        foreach (var (key, value) in other._fields)
        {
            if (value is HoconObject incoming && _fields.TryGetValue(key, out var existing) && existing is HoconObject current)
            {
                current.MergeFrom(incoming);
            }
            else
            {
                _fields[key] = value;
            }
        }
    }

    public override HoconValue DeepClone()
    {
        var copy = new HoconObject(Origin);
        foreach (var (key, value) in _fields)
        {
            copy._fields[key] = value.DeepClone();
        }

        return copy;
    }
}

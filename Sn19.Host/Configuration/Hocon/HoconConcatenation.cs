namespace Sn19.Host.Configuration.Hocon;

/// <summary>Adjacent values on one line (`${base} { x = 1 }`, `[1] [2]`, `${dir}/logs`), combined when
/// resolved: all strings join (keeping the whitespace between them), all arrays append, all objects merge.</summary>
internal sealed class HoconConcatenation(HoconOrigin origin, IEnumerable<HoconValue> parts) : HoconValue(origin)
{
    public IReadOnlyList<HoconValue> Parts { get; } = [.. parts];

    public override bool IsResolved => false;

    public override HoconValue DeepClone() => new HoconConcatenation(Origin, Parts.Select(p => p.DeepClone()));

    /// <summary>The value of the parts read on one line: null for none, the part itself for one, a string
    /// now when all parts are simple values, else a concatenation to combine when resolved.</summary>
    public static HoconValue? Of(List<HoconValue> parts, HoconOrigin origin)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.TrueForAll(p => p is HoconScalar))
        {
            // Only simple values: the concatenation is a string now (`null bar 42` is the string "null bar 42").
            return new HoconScalar(HoconScalarKind.String, string.Concat(parts.Cast<HoconScalar>().Select(s => s.Text)), origin);
        }

        return new HoconConcatenation(origin, parts);
    }
}

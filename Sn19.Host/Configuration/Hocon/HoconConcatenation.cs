namespace Sn19.Host.Configuration.Hocon;

/// <summary>Adjacent values on one line (`${base} { x = 1 }`, `[1] [2]`, `${dir}/logs`), combined when
/// resolved: all strings join (keeping the whitespace between them), all arrays append, all objects merge.</summary>
internal sealed class HoconConcatenation(HoconOrigin origin, IEnumerable<HoconValue> parts) : HoconValue(origin)
{
    public IReadOnlyList<HoconValue> Parts { get; } = [.. parts];

    public override bool IsResolved => false;

    public override HoconValue DeepClone() => new HoconConcatenation(Origin, Parts.Select(p => p.DeepClone()));
}

namespace Sn19.Host.Configuration.Hocon;

internal sealed class HoconArray(HoconOrigin origin, IEnumerable<HoconValue>? items = null) : HoconValue(origin)
{
    public List<HoconValue> Items { get; } = items is null ? [] : [.. items];

    public override bool IsResolved => Items.TrueForAll(i => i.IsResolved);

    public override HoconValue DeepClone() => new HoconArray(Origin, Items.Select(i => i.DeepClone()));
}

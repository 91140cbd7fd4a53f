namespace Sn19.Host.Configuration.Hocon;

/// <summary>A node of a HOCON tree. After resolution a tree holds only objects, arrays and scalars;
/// before it, substitutions, concatenations and optional overrides may appear anywhere.</summary>
internal abstract class HoconValue(HoconOrigin origin)
{
    public HoconOrigin Origin { get; } = origin;

    /// <summary>True when no substitution is left anywhere below this node.</summary>
    public abstract bool IsResolved { get; }

    public abstract HoconValue DeepClone();
}

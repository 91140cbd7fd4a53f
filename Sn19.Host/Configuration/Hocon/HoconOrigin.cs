namespace Sn19.Host.Configuration.Hocon;

/// <summary>Where a HOCON value was written: a file as shown to the user and a 1-based line
/// (0 when the value has no line, e.g. one taken from an environment variable).</summary>
public sealed record HoconOrigin(string Description, int Line)
{
    public override string ToString() => Line > 0 ? $"{Description}:{Line}" : Description;
}

namespace Sn19.Host.Configuration.Hocon;

/// <summary>`key = ${?X}` over an earlier value of key: the substitution wins when it is defined, otherwise
/// the earlier value stays (HOCON: an undefined optional substitution does not set the field).</summary>
internal sealed class HoconOptionalOverride(HoconSubstitution substitution, HoconValue previous) : HoconValue(substitution.Origin)
{
    public HoconSubstitution Substitution { get; } = substitution;

    public HoconValue Previous { get; } = previous;

    public override bool IsResolved => false;

    public override HoconValue DeepClone() => new HoconOptionalOverride(Substitution, Previous.DeepClone());
}

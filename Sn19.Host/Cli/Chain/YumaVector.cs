namespace Sn19.Host.Cli.Chain;

using Sn19.Actors.Chain.Yuma;

/// <summary>A per-uid vector in both forms: the u16 the chain stores (floor(x·65535)) and the I32F32 value as a double.</summary>
internal sealed record YumaVector(ushort[] U16, double[] Float)
{
    public static YumaVector From(long[] fixedValues) =>
        new(Array.ConvertAll(fixedValues, Fixed.ToU16), Array.ConvertAll(fixedValues, Fixed.ToDouble));
}

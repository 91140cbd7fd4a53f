namespace Sn19.Actors.Chain;

using Sn19.Actors.Chain.Yuma;

/// <summary>
/// <c>vec_max_upscale_to_u16</c>: the chain rescales submitted weights so the largest becomes 65535. When the
/// maximum is at most 32768 it computes round(w·65535/max), otherwise round(w·(65535/max)), both in I32F32
/// with ties away from zero (chain-and-yuma.md §1.6).
/// </summary>
internal static class WeightUpscale
{
    private const ushort Threshold = 32_768;

    public static ushort[] MaxUpscale(IReadOnlyList<ushort> values)
    {
        var result = new ushort[values.Count];
        ushort max = 0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        if (max == 0)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = values[i];
            }

            return result;
        }

        var maxFixed = Fixed.FromInt(max);
        var ratio = Fixed.Div(Fixed.U16Max, maxFixed);
        for (var i = 0; i < result.Length; i++)
        {
            var w = Fixed.FromInt(values[i]);
            var scaled = max > Threshold
                ? Fixed.Mul(ratio, w)
                : Fixed.Div(Fixed.Mul(Fixed.U16Max, w), maxFixed);
            result[i] = (ushort)Math.Clamp(Fixed.RoundToInt(scaled), 0, ushort.MaxValue);
        }

        return result;
    }
}

namespace Sn19.Actors.Chain.Yuma;

/// <summary>
/// Subtensor's I32F32 (substrate-fixed 0.6) on a raw <see cref="long"/>: 32 integer bits, 32 fractional bits.
/// Multiplication floors (arithmetic shift), division truncates toward zero and a division by zero gives 0
/// (the chain's <c>safe_div</c>; every caller in the epoch guards a zero divisor the same way).
/// These rules are why a row that fully agrees with consensus gets vtrust 65534 and not 65535.
/// </summary>
internal static class Fixed
{
    public const int FractionBits = 32;
    public const long One = 1L << FractionBits;
    public const long U16Max = 65_535L << FractionBits;

    public static long FromInt(long value) => value << FractionBits;

    public static long Mul(long a, long b) => Saturate(((Int128)a * b) >> FractionBits);

    public static long Div(long a, long b) => b == 0 ? 0 : Saturate(((Int128)a << FractionBits) / b);

    /// <summary><c>fixed_proportion_to_u16</c>: floor(x·65535), clamped to [0, 65535].</summary>
    public static ushort ToU16(long proportion)
    {
        var scaled = Mul(proportion, U16Max) >> FractionBits;
        return (ushort)Math.Clamp(scaled, 0, ushort.MaxValue);
    }

    /// <summary><c>u16_proportion_to_fixed</c>: v/65535 as an I32F32 division.</summary>
    public static long FromU16Proportion(ushort value) => Div(FromInt(value), U16Max);

    /// <summary><c>round()</c> of substrate-fixed: half away from zero, then the integer part.</summary>
    public static long RoundToInt(long value) =>
        value >= 0 ? (value + (One >> 1)) >> FractionBits : -((-value + (One >> 1)) >> FractionBits);

    /// <summary>floor(x) of a non-negative I32F32 as an integer (<c>to_num::&lt;u64&gt;</c>).</summary>
    public static long FloorToInt(long value) => value >> FractionBits;

    public static double ToDouble(long value) => value / (double)One;

    /// <summary>Nearest I32F32 to a double (only for liquid alpha's sigmoid, which the chain computes with a
    /// fixed-point <c>exp</c>; see <see cref="LiquidAlpha"/>).</summary>
    public static long FromDouble(double value) => (long)Math.Round(value * One);

    public static long Sum(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary><c>inplace_normalize</c>: divide by the sum; a zero sum leaves the vector as it is.</summary>
    public static void Normalize(Span<long> values)
    {
        var sum = Sum(values);
        if (sum == 0)
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Div(values[i], sum);
        }
    }

    /// <summary><c>inplace_normalize_using_sum</c>.</summary>
    public static void NormalizeUsingSum(Span<long> values, long sum)
    {
        if (sum == 0)
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Div(values[i], sum);
        }
    }

    private static long Saturate(Int128 value) =>
        value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;
}

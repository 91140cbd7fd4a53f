namespace Sn19.Actors.Chain.Yuma;

/// <summary>
/// Step 13 of the epoch: servers get I/Σ(I+D) of the emission, validators D/Σ(I+D), each floored in I96F32
/// (so 1e9 rao in pays out about 1e9 − 3). With no valid weights (Σ = 0) validators are paid by active stake,
/// or by stake when no stake is active, and servers get nothing.
/// </summary>
internal static class Emission
{
    public static (ulong[] Server, ulong[] Validator, ulong[] Combined) Split(
        long[] incentive, long[] dividends, long[] activeStake, long[] stake, ulong emissionRao)
    {
        var n = incentive.Length;
        var combined = new long[n];
        for (var i = 0; i < n; i++)
        {
            combined[i] = incentive[i] + dividends[i];
        }

        var sum = Fixed.Sum(combined);
        var serverShare = (long[])incentive.Clone();
        var validatorShare = (long[])dividends.Clone();
        Fixed.NormalizeUsingSum(serverShare, sum);
        Fixed.NormalizeUsingSum(validatorShare, sum);
        Fixed.Normalize(combined);
        if (sum == 0)
        {
            var fallback = Fixed.Sum(activeStake) == 0 ? stake : activeStake;
            validatorShare = (long[])fallback.Clone();
            combined = (long[])fallback.Clone();
        }

        return (ToRao(serverShare, emissionRao), ToRao(validatorShare, emissionRao), ToRao(combined, emissionRao));
    }

    /// <summary>floor(I96F32(x)·E): x·E·2^32 >> 32 >> 32, exact in 128 bits for x ≤ 2 and E &lt; 2^64.</summary>
    private static ulong[] ToRao(long[] shares, ulong emissionRao)
    {
        var rao = new ulong[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            var share = Math.Max(0, shares[i]);
            var product = (UInt128)(ulong)share * emissionRao;
            var whole = product >> Fixed.FractionBits;
            rao[i] = whole > ulong.MaxValue ? ulong.MaxValue : (ulong)whole;
        }

        return rao;
    }
}

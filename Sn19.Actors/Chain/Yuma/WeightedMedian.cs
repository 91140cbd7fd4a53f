namespace Sn19.Actors.Chain.Yuma;

/// <summary>
/// Stake-weighted consensus per column (<c>weighted_median_col_sparse</c> and <c>weighted_median</c> in
/// subtensor's math.rs). The result for column j is the smallest score x such that the stake scoring at most
/// x exceeds <c>ΣA' − κ</c>, i.e. about the largest score that validators holding κ of the stake reach.
/// The chain's mid-pivot partition search is reproduced step for step because, at exact stake splits, its
/// strict/non-strict comparisons decide the answer.
/// </summary>
internal static class WeightedMedian
{
    /// <param name="activeStake">A, indexed by uid; only uids with A &gt; 0 vote.</param>
    /// <param name="weights">row-normalized weights, one row per uid.</param>
    /// <param name="columns">number of uids.</param>
    /// <param name="kappa">κ as I32F32.</param>
    public static long[] Columns(ReadOnlySpan<long> activeStake, SparseEntry[][] weights, int columns, long kappa)
    {
        var voters = new List<int>();
        for (var i = 0; i < activeStake.Length; i++)
        {
            if (activeStake[i] > 0)
            {
                voters.Add(i);
            }
        }

        var stake = new long[voters.Count];
        for (var k = 0; k < voters.Count; k++)
        {
            stake[k] = activeStake[voters[k]];
        }

        Fixed.Normalize(stake);
        var stakeSum = Fixed.Sum(stake);
        var minority = stakeSum - kappa;

        // score[c][k]: voter k's weight on column c (0 where absent). 256×256 longs = 512 KiB at most.
        var scores = new long[columns][];
        for (var c = 0; c < columns; c++)
        {
            scores[c] = new long[voters.Count];
        }

        for (var k = 0; k < voters.Count; k++)
        {
            foreach (var e in weights[voters[k]])
            {
                scores[e.Col][k] = e.Value;
            }
        }

        var all = new int[voters.Count];
        for (var k = 0; k < all.Length; k++)
        {
            all[k] = k;
        }

        var median = new long[columns];
        for (var c = 0; c < columns; c++)
        {
            median[c] = Median(stake, scores[c], all, minority, 0, stakeSum);
        }

        return median;
    }

    /// <summary>The chain's recursive partition search, written as a loop.</summary>
    internal static long Median(long[] stake, long[] score, int[] partition, long minority, long lo, long hi)
    {
        var current = partition;
        while (true)
        {
            var n = current.Length;
            if (n == 0)
            {
                return 0;
            }

            if (n == 1)
            {
                return score[current[0]];
            }

            var pivot = score[current[n / 2]];
            long loStake = 0;
            long hiStake = 0;
            var lower = new List<int>();
            var upper = new List<int>();
            foreach (var idx in current)
            {
                var s = score[idx];
                if (s == pivot)
                {
                    continue;
                }

                if (s < pivot)
                {
                    loStake += stake[idx];
                    lower.Add(idx);
                }
                else
                {
                    hiStake += stake[idx];
                    upper.Add(idx);
                }
            }

            if (minority < lo + loStake && lower.Count > 0)
            {
                hi = lo + loStake;
                current = [.. lower];
            }
            else if (hi - hiStake <= minority && upper.Count > 0)
            {
                lo = hi - hiStake;
                current = [.. upper];
            }
            else
            {
                return pivot;
            }
        }
    }
}

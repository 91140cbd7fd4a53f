namespace Sn19.Inference.Sampling;

using System.Collections.Concurrent;

/// <summary>
/// Distributions kept between generations and checks. Each holds four vocabulary-sized arrays (~0.5 MB on
/// a 32,000-token vocabulary, all on the large-object heap), which a miner and a validator would otherwise
/// allocate per request and leave to full collections. At most <see cref="Capacity"/> idle ones are kept.
/// </summary>
internal static class TokenDistributionPool
{
    public const int Capacity = 8;
    private static readonly ConcurrentBag<TokenDistribution> Idle = [];

    public static TokenDistribution Rent(int vocabSize)
    {
        // A distribution for another vocabulary (a second model in the process) is dropped, not kept.
        while (Idle.TryTake(out var pooled))
        {
            if (pooled.VocabSize == vocabSize)
            {
                return pooled;
            }
        }

        return new TokenDistribution(vocabSize);
    }

    public static void Return(TokenDistribution distribution)
    {
        if (Idle.Count < Capacity)
        {
            Idle.Add(distribution);
        }
    }
}

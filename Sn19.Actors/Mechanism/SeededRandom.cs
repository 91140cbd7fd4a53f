namespace Sn19.Actors.Mechanism;

/// <summary>
/// Keyed randomness: a uniform number is a pure function of (seed, key parts) through SplitMix64, so
/// a period replays exactly after a restart no matter how many draws happened before the crash.
/// </summary>
internal static class SeededRandom
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>A uniform double in [0, 1) for the given seed and key.</summary>
    public static double Uniform(long seed, params ReadOnlySpan<long> key) => ToUnit(Hash(seed, key));

    /// <summary>A 64-bit hash of the seed and key (stable across processes and platforms).</summary>
    public static ulong Hash(long seed, ReadOnlySpan<long> key)
    {
        var state = Mix((ulong)seed + Gamma);
        foreach (var part in key)
        {
            state = Mix(state ^ Mix((ulong)part + Gamma));
        }

        return state;
    }

    /// <summary>A stable 64-bit key for a string (FNV-1a); string.GetHashCode is randomised per process.</summary>
    public static long Key(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return (long)hash;
    }

    public static double ToUnit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

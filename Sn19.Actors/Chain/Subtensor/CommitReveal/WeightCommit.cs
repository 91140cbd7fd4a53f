namespace Sn19.Actors.Chain.Subtensor.CommitReveal;

using Sn19.Actors.Chain.Subtensor.Scale;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// Commit-reveal v2's commitment (chain-and-yuma.md §2.4, subtensor <c>weights.rs::get_commit_hash</c>):
/// BLAKE2b-256 of SCALE(hotkey AccountId32, netuid u16, uids Vec&lt;u16&gt;, values Vec&lt;u16&gt;, salt Vec&lt;u16&gt;, version key u64).
/// </summary>
public static class WeightCommit
{
    public static byte[] Hash(ReadOnlySpan<byte> hotkey, ushort netuid, IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, IReadOnlyList<ushort> salt, ulong versionKey)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(salt);
        var writer = new ScaleWriter().WriteBytes(hotkey).WriteU16(netuid);
        foreach (var vector in new[] { uids, values, salt })
        {
            writer.WriteCompact(vector.Count);
            foreach (var item in vector)
            {
                writer.WriteU16(item);
            }
        }

        return Blake2b.Hash(writer.WriteU64(versionKey).ToArray(), 32);
    }

    /// <summary>
    /// The blocks in which a commit made in <paramref name="commitBlock"/> may be revealed: the epoch
    /// <paramref name="revealPeriodEpochs"/> after the commit's, with subtensor's epoch index
    /// <c>(block + netuid + 1) / (tempo + 1)</c>.
    /// </summary>
    public static (ulong First, ulong Last) RevealWindow(ulong commitBlock, ushort netuid, ulong tempo, ulong revealPeriodEpochs)
    {
        var length = tempo + 1;
        var offset = (ulong)netuid + 1;
        var revealEpoch = ((commitBlock + offset) / length) + revealPeriodEpochs;
        var first = (revealEpoch * length) - offset;
        return (first, first + tempo);
    }
}

namespace Sn19.Actors.Signing;

using System.Buffers.Binary;

/// <summary>
/// The canonical bytes signed for a weights submission:
/// <c>"sn19/set_weights/v2:"</c> (ASCII) ‖ SCALE(<c>SubtensorModule.set_weights</c> call) ‖ u64 LE last update
/// (<see cref="WeightsToSign"/>: what makes a signature count once), where the call is
/// pallet 7, call 0, <c>netuid: u16, dests: Vec&lt;u16&gt;, weights: Vec&lt;u16&gt;, version_key: u64</c>, little-endian
/// with compact lengths (chain-and-yuma.md §2.3: netuid 1, dests [3,4,5], weights [65535,32768,16384], key 0 →
/// <c>070001000c0300040005000cffff008000400000000000000000</c>). The prefix keeps these bytes apart from an
/// envelope (which starts with a digit) and from any extrinsic payload (which starts with the call itself),
/// so a weights signature can be replayed as neither. The signer signs these bytes under its policy and the
/// local chain (the stand-in for subtensor) sets weights only with a valid signature by the hotkey over them.
/// Its other calls (register, stake, serve_axon) are operator actions on a development chain and unsigned.
/// </summary>
public static class WeightsMessage
{
    /// <summary>A subnet has at most 4096 uids on any current runtime; more is a malformed request.</summary>
    public const int MaxEntries = 4096;

    private static ReadOnlySpan<byte> Domain => "sn19/set_weights/v2:"u8;

    /// <summary>Null with <paramref name="problem"/> set when the submission is not well-formed.</summary>
    public static byte[]? TryEncode(WeightsToSign weights, out string problem)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Uids.Count != weights.Values.Count)
        {
            problem = $"{weights.Uids.Count} uids but {weights.Values.Count} values";
            return null;
        }

        if (weights.Uids.Count > MaxEntries)
        {
            problem = $"{weights.Uids.Count} entries, at most {MaxEntries}";
            return null;
        }

        var seen = new HashSet<ushort>();
        foreach (var uid in weights.Uids)
        {
            if (!seen.Add(uid))
            {
                problem = $"uid {uid} appears twice";
                return null;
            }
        }

        problem = string.Empty;
        var call = EncodeCall(weights);
        var lastUpdate = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(lastUpdate, weights.LastUpdate);
        return [.. Domain, .. call, .. lastUpdate];
    }

    /// <summary>SCALE bytes of the <c>set_weights</c> call alone (no domain prefix).</summary>
    public static byte[] EncodeCall(WeightsToSign weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var n = weights.Uids.Count;
        var buffer = new byte[2 + 2 + (2 * (5 + (2 * n))) + 8];
        var at = 0;
        buffer[at++] = 7;
        buffer[at++] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(at), weights.Netuid);
        at += 2;
        at = WriteVector(buffer, at, weights.Uids);
        at = WriteVector(buffer, at, weights.Values);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(at), weights.VersionKey);
        at += 8;
        return buffer[..at];
    }

    private static int WriteVector(byte[] buffer, int at, IReadOnlyList<ushort> values)
    {
        at = WriteCompact(buffer, at, (uint)values.Count);
        foreach (var value in values)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(at), value);
            at += 2;
        }

        return at;
    }

    /// <summary>SCALE compact: 1 byte below 2^6, 2 below 2^14, 4 below 2^30 (the length of a uid list is far below).</summary>
    private static int WriteCompact(byte[] buffer, int at, uint value)
    {
        if (value < 1u << 6)
        {
            buffer[at] = (byte)(value << 2);
            return at + 1;
        }

        if (value < 1u << 14)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(at), (ushort)((value << 2) | 1));
            return at + 2;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(at), (value << 2) | 2);
        return at + 4;
    }
}

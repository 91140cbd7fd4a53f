namespace Sn19.Actors.Chain.Subtensor;

using System.Numerics;
using Sn19.Actors.Chain.Subtensor.Scale;
using Sn19.Actors.Crypto;

/// <summary>
/// <c>get_neurons_lite</c> as runtimes before the typed runtime APIs answer it (2024, spec 218 among them): the metadata
/// gives the method's output only as <c>Vec&lt;u8&gt;</c>, and inside is <c>Vec&lt;NeuronInfoLite&gt;</c> in the fixed layout
/// fiber decodes (checking-and-fiber.md §B.1): hotkey, coldkey, uid C&lt;u16&gt;, netuid C&lt;u16&gt;, active, axon, prometheus,
/// stake Vec&lt;(AccountId, C&lt;u64&gt;)&gt;, rank, emission, incentive, consensus, trust, validator trust, dividends,
/// last update, validator permit, pruning score. Nothing in the metadata describes it, so every byte must be used.
/// </summary>
internal static class LegacyNeuronsLite
{
    public static IReadOnlyList<NeuronInfo> Decode(byte[] inner)
    {
        var reader = new ScaleReader(inner);
        var neurons = reader.ReadVector(Neuron);
        if (!reader.AtEnd)
        {
            throw new ScaleFormatException($"{reader.Remaining} bytes left after {neurons.Count} neurons in the legacy layout", reader.Position);
        }

        return neurons;
    }

    private static NeuronInfo Neuron(ScaleReader r)
    {
        var hotkey = Ss58.Encode(r.ReadBytes(32));
        var coldkey = Ss58.Encode(r.ReadBytes(32));
        var uid = (ushort)r.ReadCompact();
        _ = r.ReadCompact(); // netuid
        var active = r.ReadBool();
        _ = r.ReadU64(); // axon block
        _ = r.ReadU32(); // axon version
        var ip = r.ReadU128();
        var port = r.ReadU16();
        var ipType = r.ReadByte();
        _ = r.ReadBytes(3); // protocol, placeholder1, placeholder2
        _ = r.ReadBytes(8 + 4 + 16 + 2 + 1); // prometheus: block, version, ip, port, ip type
        var stake = r.ReadVector(s =>
        {
            _ = s.ReadBytes(32);
            return s.ReadCompact();
        }).Aggregate(BigInteger.Zero, (sum, s) => sum + s);
        var rank = (ushort)r.ReadCompact();
        var emission = (ulong)r.ReadCompact();
        var incentive = (ushort)r.ReadCompact();
        var consensus = (ushort)r.ReadCompact();
        var trust = (ushort)r.ReadCompact();
        var validatorTrust = (ushort)r.ReadCompact();
        var dividends = (ushort)r.ReadCompact();
        var lastUpdate = (ulong)r.ReadCompact();
        var permit = r.ReadBool();
        _ = r.ReadCompact(); // pruning score
        return new NeuronInfo
        {
            Uid = uid,
            Hotkey = hotkey,
            Coldkey = coldkey,
            StakeRao = (ulong)BigInteger.Min(stake, ulong.MaxValue),
            AxonIp = NeuronsLite.AxonIp((BigInteger)ip, ipType),
            AxonPort = port,
            ValidatorPermit = permit,
            Active = active,
            Incentive = incentive,
            Dividends = dividends,
            Trust = trust,
            ValidatorTrust = validatorTrust,
            Consensus = consensus,
            Rank = rank,
            EmissionRao = emission,
            LastUpdate = lastUpdate,
        };
    }
}

namespace Sn19.Actors.Chain.Subtensor;

using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Scale;
using Sn19.Actors.Crypto;

/// <summary>
/// One subnet's neurons from the runtime API <c>NeuronInfoRuntimeApi.get_neurons_lite(netuid)</c>: the answer is decoded
/// with the output type the runtime's metadata (V15) gives that method, and each neuron read by field name, so a runtime
/// that adds or reorders fields still reads right.
/// </summary>
public static class NeuronsLite
{
    public const string Api = "NeuronInfoRuntimeApi";
    public const string Method = "get_neurons_lite";

    /// <summary>The <c>state_call</c> method name.</summary>
    public const string StateCall = Api + "_" + Method;

    /// <summary>The call's argument bytes: the netuid as the runtime's u16.</summary>
    public static byte[] Arguments(ushort netuid) => [(byte)netuid, (byte)(netuid >> 8)];

    /// <summary>The subnet's neurons at the block, asked of the node (<c>state_call</c>) and decoded with the metadata.</summary>
    public static async Task<IReadOnlyList<NeuronInfo>> ReadAsync(
        Rpc.SubtensorNode node, RuntimeMetadata metadata, ushort netuid, string blockHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Decode(metadata, await node.StateCallAsync(StateCall, Arguments(netuid), blockHash, cancellationToken));
    }

    /// <summary>Every neuron in <paramref name="answer"/>, the bytes <c>state_call</c> returned.</summary>
    /// <exception cref="ScaleFormatException">the bytes are not the method's output type, or bytes are left over.</exception>
    public static IReadOnlyList<NeuronInfo> Decode(RuntimeMetadata metadata, byte[] answer)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var output = metadata.RuntimeApi(Api, Method).Output;
        if (metadata.Type(output).Definition is SequenceType sequence && metadata.Type(sequence.Element).Definition is PrimitiveType { Primitive: ScalePrimitive.U8 })
        {
            // An older runtime: the answer is opaque bytes wrapping the legacy layout.
            var wrapper = new ScaleReader(answer);
            var inner = wrapper.ReadBytes(wrapper.ReadCompactInt()).ToArray();
            return wrapper.AtEnd
                ? LegacyNeuronsLite.Decode(inner)
                : throw new ScaleFormatException($"{wrapper.Remaining} bytes left after the wrapped neurons", wrapper.Position);
        }

        var reader = new ScaleReader(answer);
        var value = new ScaleValueDecoder(metadata).Decode(output, reader);
        if (!reader.AtEnd)
        {
            throw new ScaleFormatException($"{reader.Remaining} bytes left after the neurons", reader.Position);
        }

        var neurons = value as JsonArray ?? throw new ScaleFormatException($"{StateCall} did not answer a list", 0);
        return [.. neurons.Select(n => Neuron(n as JsonObject ?? throw new ScaleFormatException("a neuron is not a struct", 0)))];
    }

    private static NeuronInfo Neuron(JsonObject n)
    {
        var axon = n["axon_info"]?.AsObject();
        return new NeuronInfo
        {
            Uid = (ushort)Big(n["uid"]),
            Hotkey = Account(n["hotkey"]),
            Coldkey = Account(n["coldkey"]),
            // The hotkey's stake on this subnet, listed under its owner (chain-and-yuma.md §2.1).
            StakeRao = (ulong)(n["stake"]?.AsArray().Aggregate(BigInteger.Zero, (sum, s) => sum + Big(s![1])) ?? 0),
            AxonIp = axon is null ? null : AxonIp(Big(axon["ip"]), (byte)Big(axon["ip_type"])),
            AxonPort = (int)Big(axon?["port"]),
            ValidatorPermit = n["validator_permit"]!.GetValue<bool>(),
            Active = n["active"]!.GetValue<bool>(),
            Incentive = U16(n["incentive"]),
            Dividends = U16(n["dividends"]),
            Trust = U16(n["trust"]),
            ValidatorTrust = U16(n["validator_trust"]),
            Consensus = U16(n["consensus"]),
            Rank = U16(n["rank"]),
            EmissionRao = (ulong)Big(n["emission"]),
            LastUpdate = (ulong)Big(n["last_update"]),
        };
    }

    /// <summary>An axon's address as text: the integer's low 32 bits for IPv4, all 128 for IPv6; null for 0 (never served).</summary>
    public static string? AxonIp(BigInteger ip, byte ipType)
    {
        if (ip.IsZero)
        {
            return null;
        }

        var bytes = ip.ToByteArray(isUnsigned: true, isBigEndian: true);
        var width = ipType == 6 ? 16 : 4;
        var padded = new byte[width];
        bytes.AsSpan(Math.Max(0, bytes.Length - width)).CopyTo(padded.AsSpan(Math.Max(0, width - bytes.Length)));
        return new IPAddress(padded).ToString();
    }

    private static string Account(JsonNode? hex) => Ss58.Encode(Convert.FromHexString(hex!.GetValue<string>()[2..]));

    private static ushort U16(JsonNode? value) => value is null ? (ushort)0 : (ushort)Big(value);

    /// <summary>An integer field, whatever width the decoder gave it (numbers, or decimal strings from 128 bits).</summary>
    private static BigInteger Big(JsonNode? value) =>
        value is null ? BigInteger.Zero : BigInteger.Parse(value.ToJsonString().Trim('"'), CultureInfo.InvariantCulture);
}

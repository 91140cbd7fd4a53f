namespace Sn19.Actors.Chain.Subtensor;

using System.Globalization;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Rpc;

/// <summary>
/// One subnet's neurons as a Subtensor node holds them at its best block: the block (<c>chain_getHead</c>,
/// <c>chain_getHeader</c>), the runtime's metadata V15 at that block (<c>Metadata_metadata_at_version</c>), then
/// <c>NeuronInfoRuntimeApi_get_neurons_lite</c> decoded with it.
/// </summary>
public sealed record SubtensorMetagraph(ushort Netuid, ulong Block, string BlockHash, IReadOnlyList<NeuronInfo> Neurons)
{
    public static async Task<SubtensorMetagraph> ReadAsync(SubtensorRpcClient rpc, ushort netuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var hash = (await rpc.CallAsync("chain_getHead", [], cancellationToken))?.GetValue<string>()
            ?? throw new SubtensorRpcException("chain_getHead: the node named no block");
        var header = await rpc.CallAsync("chain_getHeader", [hash], cancellationToken) as JsonObject
            ?? throw new SubtensorRpcException($"chain_getHeader: the node has no header for {hash}");
        var number = ulong.Parse(header["number"]!.GetValue<string>().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var metadata = MetadataDecoder.DecodeAtVersion(await StateCallAsync(rpc, "Metadata_metadata_at_version", [15, 0, 0, 0], hash, cancellationToken))
            ?? throw new SubtensorRpcException($"the node's runtime at block {number} offers no metadata V15, which describes the runtime APIs");
        var neurons = NeuronsLite.Decode(metadata, await StateCallAsync(rpc, NeuronsLite.StateCall, NeuronsLite.Arguments(netuid), hash, cancellationToken));
        return new SubtensorMetagraph(netuid, number, hash, neurons);
    }

    private static async Task<byte[]> StateCallAsync(SubtensorRpcClient rpc, string method, byte[] arguments, string block, CancellationToken cancellationToken)
    {
        var answer = (await rpc.CallAsync("state_call", [method, "0x" + Convert.ToHexStringLower(arguments), block], cancellationToken))?.GetValue<string>()
            ?? throw new SubtensorRpcException($"state_call {method}: the node answered nothing");
        return Convert.FromHexString(answer.StartsWith("0x", StringComparison.Ordinal) ? answer[2..] : answer);
    }
}

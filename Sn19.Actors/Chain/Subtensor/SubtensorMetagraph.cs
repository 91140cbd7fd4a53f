namespace Sn19.Actors.Chain.Subtensor;

using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Rpc;

/// <summary>
/// One subnet's neurons as a Subtensor node holds them at its best block: the block, the runtime's metadata V15 at that
/// block (<c>Metadata_metadata_at_version</c>), then <c>NeuronInfoRuntimeApi_get_neurons_lite</c> decoded with it. This is
/// the least a node must answer (`sn19 chain metagraph --url`); <see cref="SubtensorChain"/> adds hyperparameters.
/// </summary>
public sealed record SubtensorMetagraph(ushort Netuid, ulong Block, string BlockHash, IReadOnlyList<NeuronInfo> Neurons)
{
    public static async Task<SubtensorMetagraph> ReadAsync(SubtensorRpcClient rpc, ushort netuid, CancellationToken cancellationToken)
    {
        var node = new SubtensorNode(rpc);
        var head = await node.HeadAsync(finalized: false, cancellationToken);
        var metadata = MetadataDecoder.DecodeAtVersion(await node.StateCallAsync("Metadata_metadata_at_version", [15, 0, 0, 0], head.Hash, cancellationToken))
            ?? throw new SubtensorRpcException($"the node's runtime at block {head.Number} offers no metadata V15, which describes the runtime APIs");
        var neurons = await NeuronsLite.ReadAsync(node, metadata, netuid, head.Hash, cancellationToken);
        return new SubtensorMetagraph(netuid, head.Number, head.Hash, neurons);
    }
}

namespace Sn19.Host.Dashboard;

/// <summary>What the chain's last Yuma epoch gave each uid, as this node read the metagraph last.</summary>
internal sealed record YumaView(ulong Block, ulong LastEpochBlock, IReadOnlyList<YumaRow> Neurons);

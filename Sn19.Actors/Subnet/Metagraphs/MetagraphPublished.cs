namespace Sn19.Actors.Subnet.Metagraphs;

using Sn19.Actors.Chain;

/// <summary>The metagraph singleton read a new block's metagraph; every node takes it into its own view.</summary>
public sealed record MetagraphPublished(Metagraph Metagraph);

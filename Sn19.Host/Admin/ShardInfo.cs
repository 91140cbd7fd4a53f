namespace Sn19.Host.Admin;

/// <summary>One shard a region hosts on this node: its entity count, and their ids when asked for.</summary>
internal sealed record ShardInfo(string Id, int Entities, IReadOnlyList<string>? EntityIds);

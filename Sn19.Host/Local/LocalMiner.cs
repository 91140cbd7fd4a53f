namespace Sn19.Host.Local;

using Sn19.Host.Miner;

/// <summary>A running miner of the local subnet: its node, and what the table calls it.</summary>
internal sealed record LocalMiner(string Name, string Hotkey, MinerNode Node);

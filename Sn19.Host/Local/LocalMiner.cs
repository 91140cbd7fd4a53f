namespace Sn19.Host.Local;

using Sn19.Host.Miner;

/// <summary>A running miner of the local subnet: its node, what the table calls it, and the tasks it serves (with their served counts).</summary>
internal sealed record LocalMiner(string Name, string Hotkey, MinerNode Node, IReadOnlyDictionary<string, ServedTask> Tasks)
{
    /// <summary>"chat 12, completion 10": complete responses per task since start.</summary>
    public string ServedSummary() => string.Join(", ", Tasks.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => $"{t.Id} {t.Served.Count}"));
}

namespace Sn19.Host.Cli.Simulate;

using System.Text.Json;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Simulation;
using Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Writes every scenario contender's state as one line `LABEL {json}` on stderr: "recovered" after a start
/// on a journal, "halted" where the hidden --halt-at stops a run. The crash test compares the two.
/// </summary>
internal static class SimulationCheckpoint
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower };

    public static async Task WriteAsync(
        TextWriter error, string label, Scenario scenario, TaskRegistry registry, IContenderGateway contenders, CancellationToken ct)
    {
        var summaries = new List<ContenderSummary>();
        foreach (var miner in scenario.Miners.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            foreach (var task in registry.Enabled)
            {
                if (miner.Capacity.ContainsKey(task.Id))
                {
                    summaries.Add(await contenders.SummaryAsync(new ContenderKey(miner.Name, task.Id), ct));
                }
            }
        }

        await error.WriteLineAsync(label + " " + JsonSerializer.Serialize(summaries, Json));
        await error.FlushAsync(ct);
    }
}

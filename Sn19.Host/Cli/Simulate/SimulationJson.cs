namespace Sn19.Host.Cli.Simulate;

using System.Text.Json;
using Sn19.Actors.Subnet.Simulation;
using Sn19.Actors.Subnet.Weights;

/// <summary>The JSON form of a run. Deterministic: same seed and scenario → the same bytes.</summary>
internal static class SimulationJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        WriteIndented = true,
    };

    public static string Render(long seed, int periods, IReadOnlyList<PeriodReport> reports, WeightRoundRecord final) =>
        JsonSerializer.Serialize(new SimulationDocument(seed, periods, reports, final), Json);

    private sealed record SimulationDocument(long Seed, int Periods, IReadOnlyList<PeriodReport> Reports, WeightRoundRecord Final);
}

namespace Sn19.Host.Cli.Simulate;

using System.Text.Json;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Subnet.Weights;

/// <summary>The JSON form of a run: every period's report and the last weights. Deterministic: the same seed and
/// scenario give the same bytes.</summary>
internal static class SimulationJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        WriteIndented = true,
    };

    public static string Render(long seed, int periods, IReadOnlyList<PeriodReport> reports) =>
        JsonSerializer.Serialize(new SimulationDocument(seed, periods, reports, reports[^1].Weights?.Round), Json);

    private sealed record SimulationDocument(long Seed, int Periods, IReadOnlyList<PeriodReport> Reports, WeightRoundRecord? Final);
}

namespace Sn19.Host.Cli.Simulate;

/// <summary>The parsed arguments of `sn19 simulate`.</summary>
internal sealed record SimulateArguments(FileInfo Scenario, int Periods, long Seed, bool Json);

namespace Sn19.Host.Cli.Simulate;

/// <summary>The parsed arguments of `sn19 simulate`.</summary>
internal sealed record SimulateArguments(FileInfo Scenario, int Periods, long Seed, bool Json, DirectoryInfo? DataDir)
{
    /// <summary>Hidden, for the crash test: stop before this event of this period and wait to be killed.</summary>
    public HaltPoint? HaltAt { get; init; }
}

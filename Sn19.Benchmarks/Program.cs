namespace Sn19.Benchmarks;

using BenchmarkDotNet.Running;
using Sn19.Benchmarks.Actors.Subnet;
using Sn19.Benchmarks.Actors.Subnet.Hostile;
using Sn19.Benchmarks.Host.Miner;

/// <summary>
/// Entry point. Folders mirror the source projects. Run one group with, for example:
/// <c>dotnet run -c Release --project Sn19.Benchmarks -- --filter '*Actors*'</c>
/// The detection report (not a timing) runs with <c>-- detection</c>; what forged requests cost a miner's
/// memory with <c>-- unverified-flood</c>; one period's scoring work on a cluster of one node and of three with
/// <c>-- cluster-scale</c>; what the organic gateway adds to a request with <c>-- organic-overhead</c>; how long the dashboard takes
/// to load with a month of a large subnet's history with <c>-- dashboard-load</c>; honest and hostile miners
/// through the LLM check with <c>-- hostile</c>.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == DetectionReport.Command)
        {
            return await DetectionReport.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == Actors.Cluster.ClusterScaleReport.Command)
        {
            return await Actors.Cluster.ClusterScaleReport.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == Host.Organic.OrganicOverheadReport.Command)
        {
            return await Host.Organic.OrganicOverheadReport.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == HostileReport.Command)
        {
            return await HostileReport.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == KernelAnswerCommand.Command)
        {
            return await KernelAnswerCommand.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == Host.Dashboard.DashboardLoadReport.Command)
        {
            return await Host.Dashboard.DashboardLoadReport.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == UnverifiedFloodReport.Command)
        {
            return await UnverifiedFloodReport.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}

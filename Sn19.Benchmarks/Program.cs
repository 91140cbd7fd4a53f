namespace Sn19.Benchmarks;

using BenchmarkDotNet.Running;

/// <summary>
/// Entry point. Folders mirror the source projects. Run one group with, for example:
/// <c>dotnet run -c Release --project Sn19.Benchmarks -- --filter '*Actors*'</c>
/// </summary>
internal static class BenchmarkProgram
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}

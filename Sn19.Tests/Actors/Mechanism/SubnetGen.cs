namespace Sn19.Tests.Actors.Mechanism;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Actors.Mechanism;

/// <summary>Random subnets for the property tests: 1–6 miners × 1–3 tasks with random aggregates.</summary>
internal static class SubnetGen
{
    public sealed record Subnet(IReadOnlyList<TaskWeight> Tasks, IReadOnlyList<ContenderAggregate> Contenders)
    {
        public override string ToString() =>
            string.Join("; ", Contenders.Select(c => $"{c.Hotkey}/{c.TaskId} Q={c.Quality} M={c.SpeedMetric} P={c.Period.Value} C={c.Capacity}"));
    }

    public static Gen<Subnet> Subnets() =>
        from miners in Gen.Choose(1, 6)
        from taskCount in Gen.Choose(1, 3)
        from rawWeights in Gen.Choose(1, 10).ArrayOf(taskCount)
        from contenders in Contender().ArrayOf(miners * taskCount)
        select Build(miners, rawWeights, contenders);

    private static Subnet Build(int miners, int[] rawWeights, (double? Q, double? M, double P, double C)[] values)
    {
        var total = rawWeights.Sum();
        var tasks = rawWeights.Select((w, t) => new TaskWeight($"task-{t}", (double)w / total)).ToArray();
        var contenders = new List<ContenderAggregate>();
        for (var m = 0; m < miners; m++)
        {
            for (var t = 0; t < tasks.Length; t++)
            {
                var v = values[(m * tasks.Length) + t];
                contenders.Add(new ContenderAggregate(
                    $"miner-{m}", tasks[t].TaskId, v.Q, v.M, new PeriodAggregateResult(v.P, 1, 10), v.C));
            }
        }

        return new Subnet(tasks, contenders);
    }

    private static Gen<(double? Q, double? M, double P, double C)> Contender() =>
        from q in Gen.Choose(0, 1000)
        from hasQuality in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from speed in Gen.Choose(1, 5000)
        from p in Gen.Choose(0, 1000)
        from c in Gen.Choose(0, 60_000)
        select (hasQuality ? q / 1000.0 : (double?)null, hasQuality ? speed / 10.0 : (double?)null, p / 1000.0, (double)c);
}

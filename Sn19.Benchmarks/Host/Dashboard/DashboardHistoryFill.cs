namespace Sn19.Benchmarks.Host.Dashboard;

using Sn19.Actors.Chain;
using Sn19.Actors.History;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Subnet.Weights;

/// <summary>
/// A validator's history as a long-running subnet leaves it, written through the product's own <see cref="HistoryStore"/>:
/// every period of <c>days</c> (30-minute periods) closed with a row per (miner, task) and a weights round, and a day of
/// organic usage from two gateways. Values come from a seeded generator, so every run measures the same data.
/// </summary>
internal static class DashboardHistoryFill
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<TaskDefinition> Tasks(int count) =>
        Enumerable.Range(0, count).Select(i => new TaskDefinition(
            $"task-{i}", TaskKind.Chat, $"model-{i}", "/v1/chat/completions", 10_000, 1, 1.0 / count, 1, TimeSpan.FromSeconds(30), true, true)).ToList();

    public static MetagraphView Metagraph(int miners) => new(new Metagraph(19, 100_000, 99_990, new SubnetHyperparameters(),
        Enumerable.Range(0, miners + 1).Select(uid => new NeuronInfo
        {
            Uid = (ushort)uid, Hotkey = Hotkey(uid), Coldkey = Hotkey(uid), ValidatorPermit = uid == 0, Incentive = (ushort)(uid == 0 ? 0 : 65535 / miners),
            Dividends = (ushort)(uid == 0 ? 65535 : 0), EmissionRao = (ulong)uid * 1_000_000,
        }).ToList()));

    public static string Hotkey(int uid) => $"5Miner{uid:D4}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    /// <summary>Writes <paramref name="days"/> of periods ending now; reports progress every simulated day.</summary>
    public static async Task FillAsync(HistoryStore store, int miners, IReadOnlyList<TaskDefinition> tasks, int days, DateTimeOffset now, Action<int> dayDone)
    {
        var metagraph = Metagraph(miners);
        var random = new Random(19);
        var periods = (int)(TimeSpan.FromDays(days) / Period);
        var first = now - (periods * Period);
        for (var p = 0; p < periods; p++)
        {
            var start = first + (p * Period);
            var rows = new List<ContenderPeriodRow>(miners * tasks.Count);
            foreach (var task in tasks)
            {
                for (var uid = 1; uid <= miners; uid++)
                {
                    var declared = 500 + random.Next(0, 8000);
                    var limited = random.Next(0, 4) == 0 ? random.Next(1, 20) : 0;
                    rows.Add(new ContenderPeriodRow((ushort)uid, Hotkey(uid), task.Id, declared, Math.Min(declared, task.MaxCapacity), random.Next(0, 60), limited,
                        random.Next(0, 3), random.NextDouble(), 20 + (random.NextDouble() * 400), random.NextDouble()));
                }
            }

            var weights = Enumerable.Range(1, miners).Select(uid => new MinerWeightRow(Hotkey(uid), (ushort)uid, 1.0 / miners, (ushort)(65535 / miners))).ToList();
            var round = new WeightRoundRecord(p, start + Period, weights, [], weights.Select(w => new UidWeight(w.Uid!.Value, w.Value)).ToList(), p);
            var report = new PeriodReport(p, start, start + Period, rows, [], new WeightHistoryEntry(round, WeightSubmissionStatus.Submitted, null, (ulong)(p * 150)));
            await store.RecordPeriodAsync(report, metagraph, CancellationToken.None);
            if ((p + 1) % (int)(TimeSpan.FromDays(1) / Period) == 0)
            {
                dayDone((p + 1) / (int)(TimeSpan.FromDays(1) / Period));
            }
        }
    }

    /// <summary>A day of organic usage, hour by hour, from two gateways for <paramref name="keys"/> keys on every task.</summary>
    public static async Task FillUsageAsync(HistoryStore store, IReadOnlyList<TaskDefinition> tasks, int keys, DateTimeOffset now)
    {
        var random = new Random(20);
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        for (var h = 0; h < 24; h++)
        {
            var samples = new List<OrganicUsageSample>();
            foreach (var node in new[] { "akka.tcp://validator@10.0.0.1:4051#1", "akka.tcp://validator@10.0.0.2:4051#2" })
            {
                foreach (var task in tasks)
                {
                    for (var k = 0; k < keys; k++)
                    {
                        var usage = new UsageAccumulator();
                        for (var r = random.Next(1, 40); r > 0; r--)
                        {
                            usage.Record(random.Next(0, 50) == 0, 40, 200, TimeSpan.FromMilliseconds(20 + random.Next(0, 200)), TimeSpan.FromMilliseconds(300 + random.Next(0, 3000)));
                        }

                        samples.Add(new OrganicUsageSample(node, hour.AddHours(-h), task.Id, $"key{k:D12}", (int)usage.Requests, (int)usage.Failed,
                            usage.PromptTokens, usage.CompletionTokens, usage.FirstToken, usage.Total));
                    }
                }
            }

            await store.RecordUsageAsync(samples, CancellationToken.None);
        }
    }
}

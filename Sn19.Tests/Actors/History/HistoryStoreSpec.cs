namespace Sn19.Tests.Actors.History;

using Sn19.Actors.Chain;
using Sn19.Actors.History;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Subnet.Weights;

/// <summary>
/// What the history must do on every database it runs on (SQLite for a node alone, PostgreSQL for a cluster): keep a
/// closed period with each miner's weight and incentive, keep it once however often it is written, answer the
/// dashboard's and the export's ranges, and add the gateways' hourly usage up.
/// </summary>
public abstract class HistoryStoreSpec
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    protected abstract Task<HistoryStore> StoreAsync();

    [Fact]
    public async Task RecordPeriod_ThenRead_GivesEveryRowWithTheRoundsWeightAndTheIncentive()
    {
        var store = await StoreAsync();
        await store.RecordPeriodAsync(Report(7, Start), Metagraph(), CancellationToken.None);
        var queries = new HistoryQueries(store);

        Assert.Equal(7, await queries.LatestPeriodAsync(CancellationToken.None));
        var rows = await queries.PeriodAsync(7, CancellationToken.None);
        Assert.Equal(4, rows.Count);
        var alice = rows.Single(r => r.Hotkey == "alice" && r.TaskId == "chat");
        Assert.Equal((ushort)1, alice.Uid);
        Assert.Equal(2400, alice.DeclaredCapacity);
        Assert.Equal((5, 1, 2), (alice.Ok, alice.RateLimited, alice.Failed));
        Assert.Equal(0.75, alice.PeriodScore);
        Assert.Equal(0.6, alice.Weight);
        Assert.Equal(32768 / 65535.0, alice.Incentive);
        Assert.Equal(Start.AddMinutes(30), alice.End);
        var bob = rows.Single(r => r.Hotkey == "bob" && r.TaskId == "chat");
        Assert.Null(bob.Uid);
        Assert.Null(bob.Quality);
        Assert.Null(bob.Incentive);
        var rounds = await queries.RoundsAsync(10, CancellationToken.None);
        Assert.Equal(new WeightRoundSummary(3, 7, Start.AddMinutes(30), "Submitted", null, 120, 2), rounds.Single());
        Assert.Equal(["alice", "bob"], (await queries.RoundWeightsAsync(3, CancellationToken.None)).Select(w => w.Hotkey));
    }

    [Fact]
    public async Task RecordPeriod_Twice_KeepsItOnce()
    {
        var store = await StoreAsync();
        await store.RecordPeriodAsync(Report(7, Start), Metagraph(), CancellationToken.None);
        await store.RecordPeriodAsync(Report(7, Start), Metagraph(), CancellationToken.None);

        var queries = new HistoryQueries(store);
        Assert.Equal(4, (await queries.PeriodAsync(7, CancellationToken.None)).Count);
        Assert.Single(await queries.RoundsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Ranges_SelectPeriodsByEndAndRoundsBySetTime()
    {
        var store = await StoreAsync();
        for (var p = 0; p < 3; p++)
        {
            await store.RecordPeriodAsync(Report(p, Start.AddMinutes(30 * p), round: p), Metagraph(), CancellationToken.None);
        }

        var queries = new HistoryQueries(store);
        // Periods end at 10:30, 11:00 and 11:30; [11:00, 11:30) holds the second only.
        var between = await queries.PeriodsBetweenAsync(Start.AddMinutes(60), Start.AddMinutes(90), CancellationToken.None);
        Assert.All(between, r => Assert.Equal(1, r.Period));
        Assert.Equal([1L, 1L], (await queries.WeightsBetweenAsync(Start.AddMinutes(60), Start.AddMinutes(90), CancellationToken.None)).Select(w => w.Round));
        var alice = await queries.MinerAsync("alice", Start.AddMinutes(60), CancellationToken.None);
        Assert.Equal([1L, 1L, 2L, 2L], alice.Select(r => r.Period));
        Assert.Equal([1L, 2L], (await queries.MinerWeightsAsync("alice", Start.AddMinutes(60), CancellationToken.None)).Select(w => w.Round));
    }

    [Fact]
    public async Task Usage_RewrittenHourAndTwoGateways_AddUpPerTaskKeyAndOverall()
    {
        var store = await StoreAsync();
        var hour = Start;
        await store.RecordUsageAsync([Sample("node-a#1", hour, "chat", "k1", requests: 2)], CancellationToken.None);
        // The same gateway's hour, later: its counts so far replace the row.
        await store.RecordUsageAsync([Sample("node-a#1", hour, "chat", "k1", requests: 5), Sample("node-b#2", hour, "chat", "k2", requests: 3)], CancellationToken.None);
        await store.RecordUsageAsync([Sample("node-b#2", hour.AddHours(-30), "chat", "k2", requests: 100)], CancellationToken.None);

        var totals = await new HistoryQueries(store).OrganicSinceAsync(hour.AddHours(-24), CancellationToken.None);
        Assert.Equal(8, totals.Single(t => t.TaskId == "" && t.KeyId == "").Requests);
        Assert.Equal(8, totals.Single(t => t.TaskId == "chat" && t.KeyId == "").Requests);
        Assert.Equal(5, totals.Single(t => t.TaskId == "" && t.KeyId == "k1").Requests);
        Assert.Equal(3, totals.Single(t => t.TaskId == "chat" && t.KeyId == "k2").Requests);
        Assert.Equal(8 * 10, totals.Single(t => t.TaskId == "" && t.KeyId == "").CompletionTokens);
        Assert.InRange(totals.Single(t => t.TaskId == "" && t.KeyId == "").TotalP50Ms!.Value, 100, 200);
    }

    [Fact]
    public async Task EnsureSchema_Again_KeepsWhatIsThere()
    {
        var store = await StoreAsync();
        await store.RecordPeriodAsync(Report(7, Start), Metagraph(), CancellationToken.None);
        await store.EnsureSchemaAsync(CancellationToken.None);
        Assert.Equal(7, await new HistoryQueries(store).LatestPeriodAsync(CancellationToken.None));
    }

    private static OrganicUsageSample Sample(string node, DateTimeOffset hour, string task, string key, int requests)
    {
        var usage = new UsageAccumulator();
        for (var i = 0; i < requests; i++)
        {
            usage.Record(false, 20, 10, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(150));
        }

        return new OrganicUsageSample(node, hour, task, key, (int)usage.Requests, (int)usage.Failed, usage.PromptTokens, usage.CompletionTokens, usage.FirstToken, usage.Total);
    }

    private static PeriodReport Report(long period, DateTimeOffset start, long round = 3)
    {
        var end = start.AddMinutes(30);
        ContenderPeriodRow[] rows =
        [
            new(1, "alice", "chat", 2400, 2400, 5, 1, 2, 0.9, 310.5, 0.75),
            new(1, "alice", "completion", 1200, 1200, 3, 0, 0, 1, 400, 1),
            new(null, "bob", "chat", 8000, 5000, 1, 9, 0, null, null, 0.1),
            new(null, "bob", "completion", 0, 0, 0, 0, 0, null, null, null),
        ];
        var miners = new[] { new MinerWeightRow("alice", 1, 0.6, 39321), new MinerWeightRow("bob", null, 0.4, 0) };
        var record = new WeightRoundRecord(round, end, miners, [], [new UidWeight(1, 65535)], period);
        return new PeriodReport(period, start, end, rows, [], new WeightHistoryEntry(record, WeightSubmissionStatus.Submitted, null, 120));
    }

    private static MetagraphView Metagraph() => new(new Metagraph(19, 120, 100, new SubnetHyperparameters(),
    [
        new NeuronInfo { Uid = 0, Hotkey = "validator", Coldkey = "c0", ValidatorPermit = true },
        new NeuronInfo { Uid = 1, Hotkey = "alice", Coldkey = "c1", Incentive = 32768 },
    ]));
}

namespace Sn19.Tests.Host.Local;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Sn19.Actors.Subnet.Validation;
using Sn19.Tests.TestSupport;
using Xunit.Abstractions;

/// <summary>
/// `sn19 local --validator-nodes N` on PostgreSQL (separate node processes, 30-second periods), with the node that
/// holds the singletons (the oldest) killed with SIGKILL a third of the way into the first period:
///   - the weight setter is running again on a survivor, and every contender answers again (the times are measured);
///   - the period is taken over and closes: for every contender, the period's counts in the table the survivor
///     prints equal its query events in the journal, and no query id is journaled twice;
///   - the miners served at least every query journaled as answered, and the difference is bounded by what was in
///     flight on the killed node and at the end;
///   - the period's weights were journaled and submitted exactly once.
/// Three nodes use keep-majority; two nodes the PostgreSQL lease (lease-majority). Each run takes about two minutes.
/// With SN19_FAILOVER_LOG set, each run appends "nodes, seconds to the singleton, seconds to every contender".
/// </summary>
public sealed partial class LocalClusterFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Contenders = 8;
    private const int MaxConcurrentQueries = 4;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan FailoverPatience = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _directory = new("sn19-cluster-failover");
    private readonly string _schema = TestPostgres.UniqueSchema("failover");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TestPostgres.DropSchemaAsync(_schema);
        _directory.Dispose();
    }

    [Fact]
    public Task ThreeNodes_KeepMajority_SingletonHolderKilledMidPeriod_NothingLostOrCountedTwice() => RunAsync(3);

    [Fact]
    public Task TwoNodes_Lease_OldestKilledMidPeriod_NothingLostOrCountedTwice() => RunAsync(2);

    private async Task RunAsync(int nodes)
    {
        await using var local = Sn19Process.Start(
            "local", "--validator-nodes", nodes.ToString(CultureInfo.InvariantCulture), "--postgres", TestPostgres.ConnectionString,
            "--periods", "2", "--data-dir", _directory.Path, "--set", "mechanism.period=30s", "--set", "local.tempo=10",
            "--set", $"persistence.postgres.schema={_schema}");
        await local.WaitForLineAsync(l => l.StartsWith("Inspect it:", StringComparison.Ordinal), Patience);
        var members = local.Lines.Select(l => NodeLine().Match(l)).Where(m => m.Success)
            .Select(m => new Member(m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[3].Value, m.Groups[4].Value))
            .ToList();
        Assert.Equal(nodes, members.Count);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(_directory.File("admin.token")).Trim());

        // The coordinator announces the first period on the node it runs on: the oldest, where the weight setter runs too.
        var starts = PeriodStarts().Match(await local.WaitForLineAsync(l => PeriodStarts().IsMatch(l), Patience));
        var holder = members.Single(m => m.Name == starts.Groups[1].Value);
        var period = long.Parse(starts.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.Equal(holder.Cluster, await OldestAsync(http, holder));
        var survivors = members.Where(m => m != holder).ToList();

        var killAt = new PeriodClock(Period).StartOf(period) + (Period / 3);
        await Task.Delay(Max(TimeSpan.Zero, killAt - DateTimeOffset.UtcNow));
        var sinceKill = Stopwatch.StartNew();
        using (var victim = Process.GetProcessById(holder.Pid))
        {
            victim.Kill();
        }

        var singleton = await UntilAsync(() => AnySingletonRunsAsync(http, survivors), sinceKill);
        var contenders = await UntilAsync(() => AllContendersAnswerAsync(http, survivors), sinceKill);
        output.WriteLine($"{nodes} nodes: weight setter back after {singleton.TotalSeconds:F1} s, every contender after {contenders.TotalSeconds:F1} s");
        if (Environment.GetEnvironmentVariable("SN19_FAILOVER_LOG") is { Length: > 0 } log)
        {
            await File.AppendAllTextAsync(log, string.Create(CultureInfo.InvariantCulture, $"{nodes}\t{singleton.TotalSeconds:F2}\t{contenders.TotalSeconds:F2}\n"));
        }

        Assert.True(await local.WaitForExitAsync(Patience) == 0, string.Join('\n', local.Lines));
        var lines = local.Lines;
        Assert.Contains(lines, l => l.Contains($"Period {period} taken over part-way", StringComparison.Ordinal));
        var journal = await ReadJournalAsync();

        // Weights for the period: one intent, one round, submitted once.
        Assert.Equal(1, journal.Intents.Count(p => p == period));
        var rounds = journal.Rounds.Where(r => r.Period == period).ToList();
        Assert.Single(rounds);
        Assert.Equal(0, rounds[0].Status);

        // Queries: none twice, and the table the survivor printed for the period counts exactly the journal's.
        var hotkeys = Miners(lines);
        var table = PeriodTable(lines, period);
        Assert.True(table.Count == Contenders, $"the table of period {period} has {table.Count} rows; the run printed:\n" + string.Join('\n', lines));
        foreach (var (miner, task, counted) in table)
        {
            var id = $"contender/{hotkeys[miner]}/{task}";
            var events = journal.Queries.Where(q => q.PersistenceId == id && q.Period == period).ToList();
            Assert.Equal(events.Count, events.Select(q => q.QueryId).Distinct().Count());
            Assert.True(events.Count == counted, $"{id}: the table counts {counted} queries in period {period}, the journal holds {events.Count}");
        }

        // What the miners served covers every answer the journal holds; the rest was in flight at the kill or the stop.
        var served = Served(lines, hotkeys);
        var unrecorded = 0L;
        foreach (var ((hotkey, task), count) in served)
        {
            var id = $"contender/{hotkey}/{task}";
            var ok = journal.Queries.Count(q => q.PersistenceId == id && q.Kind == 0);
            Assert.True(ok <= count, $"{id}: the journal holds {ok} answered queries, the miner served {count}");
            unrecorded += count - ok;
        }

        var failed = journal.Queries.Count(q => q.Kind == 2);
        Assert.True(unrecorded <= (2 * MaxConcurrentQueries) + failed, $"{unrecorded} served responses are not journaled as answered ({failed} failed)");
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> check, Stopwatch since)
    {
        while (since.Elapsed < FailoverPatience)
        {
            if (await check())
            {
                return since.Elapsed;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"not back within {FailoverPatience}");
    }

    private static async Task<string?> OldestAsync(HttpClient http, Member member)
    {
        var cluster = JsonDocument.Parse(await http.GetStringAsync(new Uri(member.Admin + "/admin/cluster"))).RootElement;
        return cluster.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("oldest").GetBoolean())
            .Select(m => m.GetProperty("address").GetString()).SingleOrDefault();
    }

    /// <summary>True once a survivor hosts the weight setter and it answers (recovered from the journal).</summary>
    private static async Task<bool> AnySingletonRunsAsync(HttpClient http, List<Member> survivors)
    {
        foreach (var member in survivors)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(member.Admin + "/admin/actor?path=/user/weight-setter/singleton"));
                if (response.IsSuccessStatusCode
                    && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("summary").ValueKind == JsonValueKind.Object)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }

        return false;
    }

    /// <summary>True once a survivor gets every contender's summary (each through the shard region, so from its new home).</summary>
    private static async Task<bool> AllContendersAnswerAsync(HttpClient http, List<Member> survivors)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(survivors[0].Admin + "/admin/contenders"));
            return response.IsSuccessStatusCode
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("contenders").GetArrayLength() == Contenders;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static Dictionary<string, string> Miners(IReadOnlyList<string> lines) =>
        lines.First(l => l.StartsWith("Miners: ", StringComparison.Ordinal))["Miners: ".Length..]
            .Split(", ").Select(p => p.Split(' ')).ToDictionary(p => p[0], p => p[1]);

    /// <summary>The rows (miner, task, ok + 429 + failed) of the table printed for <paramref name="period"/>.</summary>
    private static List<(string Miner, string Task, int Queries)> PeriodTable(IReadOnlyList<string> lines, long period)
    {
        var title = lines.ToList().FindIndex(l => l.Contains($"Period {period} (", StringComparison.Ordinal));
        Assert.True(title >= 0, $"no table for period {period}");
        var rows = new List<(string, string, int)>();
        foreach (var line in lines.Skip(title + 1).TakeWhile(l => !l.Contains('└', StringComparison.Ordinal)))
        {
            var cells = line.Split('│').Select(c => c.Trim()).ToArray();
            if (cells.Length >= 10 && int.TryParse(cells[6], CultureInfo.InvariantCulture, out var ok))
            {
                rows.Add((cells[2], cells[4], ok + int.Parse(cells[7], CultureInfo.InvariantCulture) + int.Parse(cells[8], CultureInfo.InvariantCulture)));
            }
        }

        return rows;
    }

    /// <summary>"Served by the miners (…): honest-1: chat 12, completion 10; …" as (hotkey, task) → count.</summary>
    private static Dictionary<(string Hotkey, string Task), long> Served(IReadOnlyList<string> lines, Dictionary<string, string> hotkeys)
    {
        var line = lines.First(l => l.StartsWith("Served by the miners", StringComparison.Ordinal));
        var served = new Dictionary<(string, string), long>();
        foreach (var miner in line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..].Split("; "))
        {
            var (name, tasks) = (miner[..miner.IndexOf(':', StringComparison.Ordinal)], miner[(miner.IndexOf(':', StringComparison.Ordinal) + 2)..]);
            foreach (var task in tasks.Split(", ").Select(t => t.Split(' ')))
            {
                served[(hotkeys[name], task[0])] = long.Parse(task[1], CultureInfo.InvariantCulture);
            }
        }

        return served;
    }

    private async Task<Journal> ReadJournalAsync()
    {
        await using var source = NpgsqlDataSource.Create(TestPostgres.ConnectionString);
        await using var command = source.CreateCommand(
            $"SELECT persistence_id, manifest, message FROM {_schema}.journal WHERE manifest IN " +
            "('contender.query-recorded', 'weights.round-recorded', 'weights.submission-intended') ORDER BY ordering");
        await using var reader = await command.ExecuteReaderAsync();
        var journal = new Journal([], [], []);
        while (await reader.ReadAsync())
        {
            var json = JsonDocument.Parse((byte[])reader[2]).RootElement;
            switch (reader.GetString(1))
            {
                case "contender.query-recorded":
                    journal.Queries.Add(new JournaledQuery(
                        reader.GetString(0), json.GetProperty("period").GetInt64(), json.GetProperty("queryId").GetInt64(), json.GetProperty("kind").GetInt32()));
                    break;
                case "weights.round-recorded":
                    var entry = json.GetProperty("entry");
                    var round = entry.GetProperty("round");
                    journal.Rounds.Add(new JournaledRound(
                        round.TryGetProperty("period", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null, entry.GetProperty("status").GetInt32()));
                    break;
                default:
                    journal.Intents.Add(json.GetProperty("period").GetInt64());
                    break;
            }
        }

        return journal;
    }

    [GeneratedRegex(@"^\s+(node-\d+): pid (\d+), cluster (\S+), admin (\S+)$")]
    private static partial Regex NodeLine();

    [GeneratedRegex(@"^\[(node-\d+)\] Period (\d+) starts at")]
    private static partial Regex PeriodStarts();

    private sealed record Member(string Name, int Pid, string Cluster, string Admin);

    private sealed record JournaledQuery(string PersistenceId, long Period, long QueryId, int Kind);

    private sealed record JournaledRound(long? Period, int Status);

    private sealed record Journal(List<JournaledQuery> Queries, List<JournaledRound> Rounds, List<long> Intents);
}

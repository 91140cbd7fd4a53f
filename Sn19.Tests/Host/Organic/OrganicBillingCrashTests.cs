namespace Sn19.Tests.Host.Organic;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sn19.Tests.TestSupport;
using Xunit.Abstractions;

/// <summary>
/// Billing under load and a crash: `sn19 local --validator-nodes 2` on PostgreSQL (two gateway processes, one cluster,
/// the keys' ledgers sharded over both), 200 concurrent streams on 20 keys with little credit, half through each
/// gateway, and the second node killed with SIGKILL while they run. Afterwards, once every reservation is closed:
///   - no key's balance or available credit is negative;
///   - every charge belongs to a request whose client received that usage: the usage chunk (a completed answer), or,
///     for a stream the crash cut after its settlement, exactly the tokens that reached the client;
///   - every completed answer is charged exactly once, at usage times price, and no request id is charged twice;
///   - each key's charged total is the sum of those.
/// </summary>
public sealed partial class OrganicBillingCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Keys = 20;
    private const int Streams = 200;
    private const decimal Credit = 0.08m;
    private const decimal PromptPer1K = 0.1m;
    private const decimal CompletionPer1K = 0.2m;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TempDirectory _directory = new("sn19-organic-crash");
    private readonly string _schema = TestPostgres.UniqueSchema("organic");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TestPostgres.DropSchemaAsync(_schema);
        _directory.Dispose();
    }

    [Fact]
    public async Task TwoHundredStreams_NodeKilledMidway_NoNegativeBalance_ChargesEqualUsageReceived_NoneTwice()
    {
        await using var local = Sn19Process.Start(
            "local", "--validator-nodes", "2", "--postgres", TestPostgres.ConnectionString, "--periods", "1000", "--data-dir", _directory.Path,
            "--set", "local.miner-max-queue=64", "--set", $"persistence.postgres.schema={_schema}");
        await local.WaitForLineAsync(l => l.StartsWith("Inspect it:", StringComparison.Ordinal), Patience);
        var pids = local.Lines.Select(l => NodeLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => (Pid: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Admin: m.Groups[3].Value));
        var apis = new Dictionary<string, Uri>();
        foreach (var node in new[] { "node-1", "node-2" })
        {
            var line = await local.WaitForLineAsync(l => l.StartsWith($"[{node}] Organic API", StringComparison.Ordinal), Patience);
            apis[node] = new Uri(OrganicUrl().Match(line).Groups[1].Value + "/v1/");
        }

        var starts = PeriodStarts().Match(await local.WaitForLineAsync(l => PeriodStarts().IsMatch(l), Patience));
        await Task.Delay(TimeSpan.FromSeconds(int.Parse(starts.Groups[1].Value, CultureInfo.InvariantCulture) + 3));

        using var admin = new HttpClient { BaseAddress = new Uri(pids["node-1"].Admin + "/"), Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(_directory.File("admin.token")).Trim());
        var keys = new List<(string Id, string Secret)>();
        for (var k = 0; k < Keys; k++)
        {
            using var created = JsonDocument.Parse(await (await admin.PostAsync($"admin/keys?name=load-{k}&credit={Credit}&rpm=0&tpm=0", null)).Content.ReadAsStringAsync());
            keys.Add((created.RootElement.GetProperty("key").GetProperty("keyId").GetString()!, created.RootElement.GetProperty("secret").GetString()!));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        // One request through each gateway first, on a key of its own, so both meet the load warm (a cold process
        // under a hundred concurrent requests spends its first seconds starting threads and compiling).
        using (var warm = JsonDocument.Parse(await (await admin.PostAsync("admin/keys?name=warm-up&credit=1&rpm=0&tpm=0", null)).Content.ReadAsStringAsync()))
        {
            foreach (var api in apis.Values)
            {
                await StreamingClient.StreamAsync(http, api, -1, warm.RootElement.GetProperty("secret").GetString()!, "warm up", maxTokens: 4);
            }
        }

        var completed = 0;
        var served = 0;
        var enoughServed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var streams = Enumerable.Range(0, Streams).Select(async i =>
        {
            var outcome = await StreamingClient.StreamAsync(
                http, apis[i % 2 == 0 ? "node-1" : "node-2"], i % Keys, keys[i % Keys].Secret, $"Tell story number {i} about the subnet.", maxTokens: 32);
            Interlocked.Increment(ref completed);
            if (outcome.GotUsage)
            {
                if (Interlocked.Increment(ref served) >= 50)
                {
                    enoughServed.TrySetResult();
                }
            }

            return outcome;
        }).ToList();

        // Kill the second node once some answers have completed, so others are still streaming or queued on it.
        try
        {
            await enoughServed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // A slow machine: kill it anyway, the answers still running are what the test is about.
        }

        var killedAfter = Volatile.Read(ref served);
        using (var victim = Process.GetProcessById(pids["node-2"].Pid))
        {
            victim.Kill();
        }

        var outcomes = await Task.WhenAll(streams);
        var statuses = await SettledStatusesAsync(admin, keys.Select(k => k.Id).ToList());
        Report(outcomes, statuses, killedAfter);

        Assert.Contains(outcomes, o => o.GotUsage);
        Assert.Contains(outcomes, o => o.Cut || o.Status is null);
        var byRequest = outcomes.Where(o => o.RequestId is not null).ToDictionary(o => o.RequestId!.Split('-')[1], o => o);
        for (var k = 0; k < Keys; k++)
        {
            var status = statuses[k];
            Assert.True(status.GetProperty("balance").GetDecimal() >= 0, $"key {k}: negative balance");
            Assert.True(status.GetProperty("available").GetDecimal() >= 0, $"key {k}: negative available credit");
            var charges = status.GetProperty("recentCharges").EnumerateArray().ToList();
            var ids = charges.Select(c => c.GetProperty("requestId").GetString()!).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var total = 0m;
            foreach (var charge in charges)
            {
                var client = byRequest[charge.GetProperty("requestId").GetString()!];
                var prompt = charge.GetProperty("promptTokens").GetInt32();
                var completion = charge.GetProperty("completionTokens").GetInt32();
                if (client.GotUsage)
                {
                    Assert.Equal((client.PromptTokens, client.CompletionTokens), (prompt, completion));
                }
                else
                {
                    // Settled, then cut by the crash before the usage chunk: charged exactly the tokens that arrived.
                    Assert.True(client.Cut, $"request {client.RequestId} was charged but its client neither got usage nor was cut");
                    Assert.Equal(client.Tokens, completion);
                }

                Assert.Equal(Cost(prompt, completion), charge.GetProperty("charged").GetDecimal());
                total += charge.GetProperty("charged").GetDecimal();
            }

            Assert.Equal(total, status.GetProperty("charged").GetDecimal());
            foreach (var received in outcomes.Where(o => o.Key == k && o.GotUsage))
            {
                Assert.Contains(received.RequestId!.Split('-')[1], ids);
            }
        }
    }

    private static decimal Cost(int prompt, int completion) => ((prompt * PromptPer1K) + (completion * CompletionPer1K)) / 1000m;

    /// <summary>Every key's status once none has an open reservation (the killed node's are released when it leaves the cluster).</summary>
    private static async Task<List<JsonElement>> SettledStatusesAsync(HttpClient admin, List<string> keys)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var statuses = new List<JsonElement>();
            foreach (var key in keys)
            {
                using var response = await admin.GetAsync($"admin/keys/{key}?charges=1000");
                if (!response.IsSuccessStatusCode)
                {
                    break;
                }

                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                statuses.Add(document.RootElement.Clone());
            }

            if (statuses.Count == keys.Count && statuses.All(s => s.GetProperty("openReservations").GetInt32() == 0))
            {
                return statuses;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "reservations still open two minutes after the crash");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private void Report(StreamOutcome[] outcomes, List<JsonElement> statuses, int killedAfter)
    {
        var charged = statuses.Sum(s => s.GetProperty("charged").GetDecimal());
        var usage = outcomes.Where(o => o.GotUsage).Sum(o => Cost(o.PromptTokens!.Value, o.CompletionTokens!.Value));
        output.WriteLine($"node-2 killed after {killedAfter} of {Streams} streams had completed with usage");
        output.WriteLine($"completed with usage: {outcomes.Count(o => o.GotUsage)}; cut mid-stream: {outcomes.Count(o => o.Cut)}; " +
            $"refused: {string.Join(", ", outcomes.Where(o => !o.GotUsage && !o.Cut).GroupBy(o => o.Status?.ToString(CultureInfo.InvariantCulture) ?? "no connection").Select(g => $"{g.Key} x{g.Count()}"))}");
        output.WriteLine($"charged in all: {charged}; usage received (usage chunks) x price: {usage}; charges: {statuses.Sum(s => s.GetProperty("requests").GetInt64())}");
        foreach (var gateway in outcomes.GroupBy(o => o.Gateway))
        {
            output.WriteLine($"  via {gateway.Key}: usage {gateway.Count(o => o.GotUsage)}, cut {gateway.Count(o => o.Cut)}, " +
                string.Join(", ", gateway.Where(o => !o.GotUsage && !o.Cut).GroupBy(o => o.Status?.ToString(CultureInfo.InvariantCulture) ?? "no connection").Select(g => $"{g.Key} x{g.Count()}")));
        }

        output.WriteLine($"lowest balance: {statuses.Min(s => s.GetProperty("balance").GetDecimal())}");
    }

    [GeneratedRegex(@"^\s+(node-\d+): pid (\d+), cluster \S+, admin (\S+)$")]
    private static partial Regex NodeLine();

    [GeneratedRegex(@"Organic API \(OpenAI-compatible\): (http://\S+)/v1 ")]
    private static partial Regex OrganicUrl();

    [GeneratedRegex(@"^\[node-\d+\] Period \d+ starts at .* \(in (\d+) s\)")]
    private static partial Regex PeriodStarts();
}

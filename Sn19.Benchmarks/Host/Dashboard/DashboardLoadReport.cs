namespace Sn19.Benchmarks.Host.Dashboard;

using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Sn19.Actors.History;
using Sn19.Benchmarks.Host.Organic;
using Sn19.Host.Dashboard;
using Sn19.Host.Local;

/// <summary>
/// How long the dashboard takes to load with a large subnet's history: <c>--miners</c> × <c>--tasks</c> contenders, a
/// 30-minute period for <c>--days</c> days (a row per contender and a weights round per period) and a day of organic
/// usage, against the same server with an empty history (the baseline, measured in the same run). A load is what a
/// browser fetches: the page, then its script and style together, then <c>/api/overview</c>; a miner's page likewise
/// with <c>/api/miners/HOTKEY</c>. With Debian's Chromium present, the page is also loaded in it: the time from the start of
/// navigation until its script has drawn the numbers, by the browser's own clock.
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- dashboard-load [--miners 256] [--tasks 4] [--days 30] [--loads 40] [--journal sqlite|postgres]</code>
/// </summary>
internal static class DashboardLoadReport
{
    public const string Command = "dashboard-load";
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<int> RunAsync(string[] args)
    {
        var miners = ReportArguments.IntOption(args, "--miners", 256);
        var taskCount = ReportArguments.IntOption(args, "--tasks", 4);
        var days = ReportArguments.IntOption(args, "--days", 30);
        var loads = ReportArguments.IntOption(args, "--loads", 40);
        var journal = ReportArguments.Option(args, "--journal") ?? "sqlite";
        var directory = Directory.CreateTempSubdirectory("sn19-dashboard-load");
        var tasks = DashboardHistoryFill.Tasks(taskCount);
        var now = DateTimeOffset.UtcNow;
        try
        {
            await using var empty = await OpenAsync(journal, directory.FullName, "empty");
            await using var full = await OpenAsync(journal, directory.FullName, "full");
            var filling = Stopwatch.StartNew();
            await DashboardHistoryFill.FillAsync(full.Store, miners, tasks, days, now, day =>
            {
                if (day % 5 == 0 || day == days)
                {
                    Console.WriteLine($"  history: {day}/{days} days written ({filling.Elapsed.TotalSeconds:F0} s)");
                }
            });
            await DashboardHistoryFill.FillUsageAsync(full.Store, tasks, 16, now);
            Console.WriteLine($"History of {miners} miners x {taskCount} tasks x {days} days ({miners * taskCount * days * 48:N0} contender rows, " +
                $"{days * 48:N0} rounds) written in {filling.Elapsed.TotalSeconds:F0} s on {journal}; {Environment.ProcessorCount} cores.");

            var results = new List<LatencySample>();
            foreach (var (name, store) in new[] { ("empty history", empty.Store), ("full history", full.Store) })
            {
                var sources = new DashboardSources(store, "5Validator", tasks, () => DashboardHistoryFill.Metagraph(miners), null);
                await using var server = await DashboardServer.StartAsync(sources, new DashboardOptions { Port = 0 }, "", TimeProvider.System, CancellationToken.None);
                using var http = new HttpClient { BaseAddress = new Uri(server.Address + "/"), Timeout = TimeSpan.FromSeconds(30) };
                var hotkey = DashboardHistoryFill.Hotkey(1);
                results.Add(await TimeAsync($"{name}: front page", loads, () => LoadAsync(http, "", "api/overview")));
                results.Add(await TimeAsync($"{name}: miner page", loads, () => LoadAsync(http, "miners/" + hotkey, "api/miners/" + hotkey)));
                if (File.Exists(Chromium))
                {
                    results.Add(await BrowserAsync($"{name}: front page in Chromium, drawn", server.Address + "/", Math.Min(loads, 10)));
                }
            }

            Print(results);
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>One history database: a SQLite file, or a schema of its own on the PostgreSQL the tests use (dropped after).</summary>
    private static async Task<OpenHistory> OpenAsync(string journal, string directory, string name)
    {
        HistoryDatabase database;
        if (journal == "postgres")
        {
            var connection = Environment.GetEnvironmentVariable("SN19_TEST_POSTGRES") is { Length: > 0 } fromTests
                ? fromTests : await LocalPostgres.EnsureAsync(CancellationToken.None);
            var schema = $"bench_dashboard_{name}_{Environment.ProcessId}";
            await using (var setup = HistoryDatabase.Postgres(connection, "public"))
            await using (var open = await setup.OpenAsync(CancellationToken.None))
            await using (var create = open.CreateCommand())
            {
                create.CommandText = $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}";
                await create.ExecuteNonQueryAsync();
            }

            database = HistoryDatabase.Postgres(connection, schema);
        }
        else
        {
            database = HistoryDatabase.Sqlite(Path.Combine(directory, name, "history.db"));
        }

        var store = new HistoryStore(database);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return new OpenHistory(store);
    }

    /// <summary>What a browser fetches for a page: the HTML, then its script and style at once, then its JSON.</summary>
    private static async Task LoadAsync(HttpClient http, string page, string api)
    {
        (await http.GetAsync(page)).EnsureSuccessStatusCode();
        var assets = await Task.WhenAll(http.GetAsync("dashboard.js"), http.GetAsync("dashboard.css"));
        foreach (var asset in assets)
        {
            asset.EnsureSuccessStatusCode();
        }

        using var json = await http.GetAsync(api);
        json.EnsureSuccessStatusCode();
        await json.Content.ReadAsByteArrayAsync();
    }

    private static async Task<LatencySample> TimeAsync(string name, int loads, Func<Task> load)
    {
        for (var i = 0; i < 3; i++)
        {
            await load();
        }

        var times = new List<double>();
        for (var i = 0; i < loads; i++)
        {
            var watch = Stopwatch.StartNew();
            await load();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new LatencySample(name, 0, times, 0, new Dictionary<string, int>());
    }

    /// <summary>Loads the page in Debian's Chromium until its script has drawn the numbers (body[data-loaded]).</summary>
    private static async Task<LatencySample> BrowserAsync(string name, string url, int loads)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var times = new List<double>();
        for (var i = -2; i < loads; i++)
        {
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForFunctionAsync("() => document.body.dataset.loaded === '1'");
            if (i >= 0)
            {
                // The browser's own clock: from the start of navigation until the script had drawn the numbers.
                times.Add(double.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.drawnMs"), CultureInfo.InvariantCulture));
            }
        }

        return new LatencySample(name, 0, times, 0, new Dictionary<string, int>());
    }

    private static void Print(List<LatencySample> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"load",-48} {"n",4} {"p50 ms",9} {"p95 ms",9} {"max ms",9} {"p50 / empty",12}");
        foreach (var sample in results)
        {
            var baseline = results.FirstOrDefault(r => r.Path == sample.Path.Replace("full history", "empty history", StringComparison.Ordinal));
            var ratio = baseline is null || ReferenceEquals(baseline, sample) ? "" : (sample.Percentile(50) / baseline.Percentile(50)).ToString("F2", CultureInfo.InvariantCulture);
            Console.WriteLine($"{sample.Path,-48} {sample.Milliseconds.Count,4} {sample.Percentile(50),9:F1} {sample.Percentile(95),9:F1} {sample.Milliseconds.Max(),9:F1} {ratio,12}");
        }
    }

    private sealed record OpenHistory(HistoryStore Store) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Store.Database.DisposeAsync();
    }
}

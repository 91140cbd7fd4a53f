namespace Sn19.Tests.Host.Dashboard;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sn19.Tests.TestSupport;

/// <summary>
/// One `sn19 local` process (periods of 20 s) for the dashboard tests: it waits until the first period has closed
/// (its table and weights round printed, so it is in the history), then sends one organic request through the gateway
/// with a key made by `sn19 ctl keys create`, so every kind of metric has a value.
/// </summary>
public sealed partial class DashboardLocalFixture : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TempDirectory _directory = new("sn19-dashboard");
    private Sn19Process? _local;

    /// <summary>The dashboard's base address, without a trailing slash.</summary>
    public string Dashboard { get; private set; } = "";

    public string AdminUrl { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    public string DataDirectory => _directory.Path;

    public async Task InitializeAsync()
    {
        _local = Sn19Process.Start(
            "local", "--periods", "1000", "--data-dir", _directory.Path, "--set", "mechanism.period=20s", "--set", "admin.port=0",
            "--set", "organic.port=0", "--set", "dashboard.port=0", "--set", "dashboard.usage-flush=1s");
        var organic = new Uri(OrganicLine().Match(await _local.WaitForLineAsync(l => OrganicLine().IsMatch(l), Patience)).Groups[1].Value + "/v1/");
        Dashboard = DashboardLine().Match(await _local.WaitForLineAsync(l => DashboardLine().IsMatch(l), Patience)).Groups[1].Value;
        AdminUrl = AdminLine().Match(await _local.WaitForLineAsync(l => AdminLine().IsMatch(l), Patience)).Groups[1].Value;
        AdminToken = (await File.ReadAllTextAsync(_directory.File("admin.token"))).Trim();
        await _local.WaitForLineAsync(l => l.Contains("Weights round ", StringComparison.Ordinal), Patience);
        await SendOrganicRequestAsync(organic);
    }

    public async Task DisposeAsync()
    {
        if (_local is not null)
        {
            _local.Terminate();
            try
            {
                await _local.WaitForExitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                // Disposing kills it.
            }

            await _local.DisposeAsync();
        }

        _directory.Dispose();
    }

    /// <summary>Runs `sn19 ctl ARGS --url … --token …` and returns its standard output (the exit code must be 0).</summary>
    public async Task<string> CtlAsync(params string[] args)
    {
        var run = await Sn19Process.RunAsync(TimeSpan.FromSeconds(60), ["ctl", .. args, "--url", AdminUrl, "--token", AdminToken]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run.Stdout;
    }

    /// <summary>A key from `ctl keys create`, then one short chat completion, retried while the gateway has no miner free
    /// (between two periods) for up to a minute.</summary>
    private async Task SendOrganicRequestAsync(Uri api)
    {
        using var created = JsonDocument.Parse(await CtlAsync("keys", "create", "--name", "dashboard", "--credit", "100", "--json"));
        var secret = created.RootElement.GetProperty("secret").GetString()!;
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var models = JsonDocument.Parse(await http.GetStringAsync("models"));
        var model = models.RootElement.GetProperty("data")[0].GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await http.PostAsJsonAsync("chat/completions", new
            {
                model,
                messages = new[] { new { role = "user", content = "Say hello to the dashboard." } },
                max_tokens = 8,
            });
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the organic request kept failing: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    [GeneratedRegex(@"^Organic API \(OpenAI-compatible\): (http://\S+)/v1 ")]
    private static partial Regex OrganicLine();

    [GeneratedRegex(@"^Dashboard: (http://\S+)/ ")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"ctl actors --url (http://\S+) ")]
    private static partial Regex AdminLine();
}

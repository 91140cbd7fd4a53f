namespace Sn19.Tests.Host.Dashboard;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sn19.Tests.TestSupport;

/// <summary>
/// One `sn19 local` (periods of 20 s) for the dashboard tests: it waits until the first period has closed (its table
/// and weights round printed, so it is in the history), then sends one organic request through the gateway with a key
/// made by `sn19 ctl keys create`, so every kind of metric has a value.
/// </summary>
public sealed class DashboardLocalFixture : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private LocalSubnetProcess? _subnet;

    /// <summary>The dashboard's base address, without a trailing slash.</summary>
    public string Dashboard => _subnet!.Dashboard;

    public string AdminUrl => _subnet!.AdminUrl;

    public string AdminToken => _subnet!.AdminToken;

    public async Task InitializeAsync()
    {
        _subnet = await LocalSubnetProcess.StartAsync("sn19-dashboard", Patience, "mechanism.period=20s", "dashboard.usage-flush=1s");
        await _subnet.Process.WaitForLineAsync(l => l.Contains("Weights round ", StringComparison.Ordinal), Patience);
        await SendOrganicRequestAsync(_subnet.OrganicApi);
    }

    public async Task DisposeAsync()
    {
        if (_subnet is not null)
        {
            await _subnet.DisposeAsync();
        }
    }

    /// <summary>Runs `sn19 ctl ARGS --url … --token …` and returns its standard output (the exit code must be 0).</summary>
    public Task<string> CtlAsync(params string[] args) => _subnet!.CtlAsync(args);

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
}

namespace Sn19.Tests.Host.Organic;

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sn19.Tests.TestSupport;

/// <summary>
/// One `sn19 local` process (the real executable, its data in a temporary directory, free ports) for the organic API
/// tests: it waits until the gateway is up and the first scoring period has opened (organic requests are routed only
/// inside a period), and manages keys through `sn19 ctl keys` like an operator.
/// </summary>
public sealed partial class LocalGatewayFixture : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TempDirectory _directory = new("sn19-organic");
    private Sn19Process? _local;

    /// <summary>The API's base, ending in /v1/.</summary>
    public Uri Api { get; private set; } = null!;

    public string AdminUrl { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    public Sn19Process Local => _local!;

    public async Task InitializeAsync()
    {
        _local = Sn19Process.Start(
            "local", "--periods", "1000", "--data-dir", _directory.Path, "--set", "organic.port=0", "--set", "admin.port=0");
        var organic = OrganicLine().Match(await _local.WaitForLineAsync(l => OrganicLine().IsMatch(l), Patience));
        Api = new Uri(organic.Groups[1].Value + "/v1/");
        AdminUrl = AdminLine().Match(await _local.WaitForLineAsync(l => AdminLine().IsMatch(l), Patience)).Groups[1].Value;
        AdminToken = (await File.ReadAllTextAsync(_directory.File("admin.token"))).Trim();
        var starts = PeriodStarts().Match(await _local.WaitForLineAsync(l => PeriodStarts().IsMatch(l), Patience));
        // The period opens at its start; a moment later its contenders' capacity is known and requests are routed.
        await Task.Delay(TimeSpan.FromSeconds(int.Parse(starts.Groups[1].Value, CultureInfo.InvariantCulture) + 3));
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

    /// <summary>Creates a key with `sn19 ctl keys create --json`; returns its id and secret.</summary>
    public async Task<(string Id, string Secret)> CreateKeyAsync(string name, decimal credit, int rpm = 0, int tpm = 0)
    {
        var result = await Sn19Process.RunAsync(
            TimeSpan.FromSeconds(60), "ctl", "keys", "create", "--name", name, "--credit", credit.ToString(CultureInfo.InvariantCulture),
            "--rpm", rpm.ToString(CultureInfo.InvariantCulture), "--tpm", tpm.ToString(CultureInfo.InvariantCulture),
            "--url", AdminUrl, "--token", AdminToken, "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var created = JsonDocument.Parse(result.Stdout);
        return (created.RootElement.GetProperty("key").GetProperty("keyId").GetString()!, created.RootElement.GetProperty("secret").GetString()!);
    }

    /// <summary>The key's status from the admin API, with up to 1,000 of its latest charges.</summary>
    public async Task<JsonElement> KeyStatusAsync(string keyId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(AdminUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var document = JsonDocument.Parse(await http.GetStringAsync($"admin/keys/{keyId}?charges=1000"));
        return document.RootElement.Clone();
    }

    [GeneratedRegex(@"^Organic API \(OpenAI-compatible\): (http://\S+)/v1 ")]
    private static partial Regex OrganicLine();

    [GeneratedRegex(@"ctl actors --url (http://\S+) ")]
    private static partial Regex AdminLine();

    [GeneratedRegex(@"^Period \d+ starts at .* \(in (\d+) s\)")]
    private static partial Regex PeriodStarts();
}

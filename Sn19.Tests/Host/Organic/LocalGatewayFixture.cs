namespace Sn19.Tests.Host.Organic;

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Sn19.Tests.TestSupport;

/// <summary>
/// One `sn19 local` for the organic API tests: it waits until the first scoring period has opened (organic requests
/// are routed only inside a period), and manages keys through `sn19 ctl keys` like an operator.
/// </summary>
public sealed class LocalGatewayFixture : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private LocalSubnetProcess? _subnet;

    /// <summary>The API's base, ending in /v1/.</summary>
    public Uri Api => _subnet!.OrganicApi;

    public string AdminUrl => _subnet!.AdminUrl;

    public string AdminToken => _subnet!.AdminToken;

    public Sn19Process Local => _subnet!.Process;

    public async Task InitializeAsync()
    {
        _subnet = await LocalSubnetProcess.StartAsync("sn19-organic", Patience);
        // The period opens at its start; a moment later its contenders' capacity is known and requests are routed.
        await _subnet.WaitForNextPeriodAsync(Patience);
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    public async Task DisposeAsync()
    {
        if (_subnet is not null)
        {
            await _subnet.DisposeAsync();
        }
    }

    /// <summary>Creates a key with `sn19 ctl keys create --json`; returns its id and secret.</summary>
    public async Task<(string Id, string Secret)> CreateKeyAsync(string name, decimal credit, int rpm = 0, int tpm = 0)
    {
        using var created = JsonDocument.Parse(await _subnet!.CtlAsync(
            "keys", "create", "--name", name, "--credit", credit.ToString(CultureInfo.InvariantCulture),
            "--rpm", rpm.ToString(CultureInfo.InvariantCulture), "--tpm", tpm.ToString(CultureInfo.InvariantCulture), "--json"));
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
}

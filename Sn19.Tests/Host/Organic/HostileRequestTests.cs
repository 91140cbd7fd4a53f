namespace Sn19.Tests.Host.Organic;

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Xunit.Abstractions;

/// <summary>
/// 10,000 generated malformed and hostile requests (<see cref="HostileRequests"/>) against `sn19 local`'s gateway,
/// sixteen at a time, while slow clients trickle or stall: not one answer is a 5xx, and afterwards a paying
/// request is still served. The one exception is HTTP's own: a request line naming HTTP/9.9 gets Kestrel's 505
/// (version not supported) before any Sn19 code runs; those are counted on their own line and must be nothing else.
/// </summary>
[Collection(LocalGatewayCollection.Name)]
public sealed class HostileRequestTests(LocalGatewayFixture gateway, ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private const int Concurrency = 16;

    [Fact]
    public async Task TenThousandHostileRequests_GetNo5xx_AndTheGatewayKeepsServing()
    {
        var (_, valid) = await gateway.CreateKeyAsync("hostile-valid", credit: 1m);
        var (_, broke) = await gateway.CreateKeyAsync("hostile-broke", credit: 0m);
        var server = new IPEndPoint(IPAddress.Loopback, gateway.Api.Port);
        var generated = new HostileRequests(19, valid, broke);
        var work = new ConcurrentQueue<(string Kind, byte[] Request)>(Enumerable.Range(0, Requests).Select(_ => generated.Next()));
        var statuses = new ConcurrentDictionary<string, int>();
        var serverErrors = new ConcurrentBag<string>();

        var slow = Enumerable.Range(0, 8).Select(i => SlowClientAsync(server, broke, stall: i % 2 == 0, statuses, serverErrors)).ToList();
        var flood = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (work.TryDequeue(out var item))
            {
                var status = await RawHttp.SendAsync(server, item.Request, TimeSpan.FromSeconds(30));
                Count(statuses, serverErrors, item.Kind, status);
            }
        });
        await Task.WhenAll(flood.Concat(slow));

        foreach (var (key, count) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{key}: {count}");
        }

        Assert.True(statuses.Values.Sum() >= Requests, $"only {statuses.Values.Sum()} requests counted");
        Assert.True(serverErrors.IsEmpty, "5xx answers: " + string.Join("; ", serverErrors.Take(20)));
        Assert.Equal(200, await PayingRequestAsync(valid));
    }

    private static void Count(ConcurrentDictionary<string, int> statuses, ConcurrentBag<string> serverErrors, string kind, int? status)
    {
        statuses.AddOrUpdate($"{kind} -> {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "closed"}", 1, (_, n) => n + 1);
        if (status >= 500 && !(status == 505 && kind == HostileRequests.UnknownVersionKind))
        {
            serverErrors.Add($"{kind}: {status}");
        }
    }

    /// <summary>A client that sends its request a few bytes at a time, or stops half-way and waits.</summary>
    private static async Task SlowClientAsync(
        IPEndPoint server, string secret, bool stall, ConcurrentDictionary<string, int> statuses, ConcurrentBag<string> serverErrors)
    {
        var body = Encoding.UTF8.GetBytes("""{"model":"chat","messages":[{"role":"user","content":"slow"}],"max_tokens":2}""");
        var request = RawHttp.Request("POST", "/v1/chat/completions", [$"Authorization: Bearer {secret}"], body);
        var status = stall
            ? await RawHttp.SendAsync(server, request[..(request.Length / 2)], TimeSpan.FromSeconds(20))
            : await RawHttp.SendAsync(server, request, TimeSpan.FromSeconds(60), piece: 16, pause: TimeSpan.FromMilliseconds(150));
        Count(statuses, serverErrors, stall ? "slow client (stalls)" : "slow client (trickles)", status);
    }

    private async Task<int> PayingRequestAsync(string secret)
    {
        using var http = new HttpClient { BaseAddress = gateway.Api, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var status = 0;
        // A request in the instant between two scoring periods gets 503; a client retries it.
        for (var attempt = 0; attempt < 5 && status is 0 or 503; attempt++)
        {
            using var response = await http.PostAsync("completions", new StringContent("""{"model":"completion","prompt":"still there?","max_tokens":3}""", Encoding.UTF8, "application/json"));
            status = (int)response.StatusCode;
            if (status == 503)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }

        return status;
    }
}

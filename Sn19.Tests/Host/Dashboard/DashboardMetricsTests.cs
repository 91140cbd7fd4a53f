namespace Sn19.Tests.Host.Dashboard;

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// <c>/metrics</c> of a running `sn19 local` after its first period and one organic request: every measurement the
/// operators' Grafana would chart is there, in Prometheus text, with a value; the organic request is in the page's
/// usage table too.
/// </summary>
[Collection(DashboardLocalCollection.Name)]
public sealed partial class DashboardMetricsTests(DashboardLocalFixture local)
{
    [Theory]
    [InlineData("sn19_queries_total")]
    [InlineData("sn19_query_first_token_seconds_count")]
    [InlineData("sn19_query_duration_seconds_count")]
    [InlineData("sn19_checks_total")]
    [InlineData("sn19_period_score_count")]
    [InlineData("sn19_weights_rounds_total")]
    [InlineData("sn19_organic_requests_total")]
    [InlineData("sn19_organic_tokens_total")]
    [InlineData("sn19_organic_first_token_seconds_count")]
    [InlineData("sn19_organic_duration_seconds_count")]
    [InlineData("sn19_cluster_members")]
    [InlineData("sn19_journal_write_seconds_count")]
    public async Task Metrics_AfterOnePeriod_HaveAValue(string metric)
    {
        var text = await ScrapeUntilAsync(metric);
        Assert.True(Sum(text, metric) > 0, $"{metric} is zero:\n{text}");
    }

    [Fact]
    public async Task Metrics_Shards_CountTheContendersOfThisNode()
    {
        using var contenders = JsonDocument.Parse(await local.CtlAsync("contenders", "--json"));
        var expected = contenders.RootElement.GetProperty("contenders").GetArrayLength();
        var text = await ScrapeUntilAsync("sn19_shard_entities");
        Assert.Equal(expected, Sum(text, "sn19_shard_entities", "region=\"contender\""));
    }

    [Fact]
    public async Task Overview_AfterAnOrganicRequest_CountsItPerTaskAndKey()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement organic;
        do
        {
            using var overview = JsonDocument.Parse(await http.GetStringAsync(local.Dashboard + "/api/overview"));
            organic = overview.RootElement.GetProperty("organic").Clone();
            if (organic.GetProperty("overall").ValueKind == JsonValueKind.Object)
            {
                break;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        Assert.True(organic.GetProperty("overall").GetProperty("requests").GetInt64() >= 1);
        Assert.True(organic.GetProperty("overall").GetProperty("completionTokens").GetInt64() >= 1);
        Assert.NotEmpty(organic.GetProperty("byTask").EnumerateArray());
        Assert.NotEmpty(organic.GetProperty("byKey").EnumerateArray());
        Assert.True(organic.GetProperty("overall").GetProperty("totalP50Ms").GetDouble() > 0);
    }

    /// <summary>The scrape, once it names <paramref name="metric"/> (the node refreshes its shard counts every 10 s).</summary>
    private async Task<string> ScrapeUntilAsync(string metric)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var text = await http.GetStringAsync(local.Dashboard + "/metrics");
            if (Sum(text, metric) > 0 || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> (whose labels contain <paramref name="label"/>, if given).</summary>
    private static double Sum(string text, string metric, string? label = null) =>
        Sample().Matches(text)
            .Where(m => m.Groups["name"].Value == metric && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>[-0-9.eE+]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

namespace Sn19.Tests.Actors.History;

using Sn19.Actors.History;

public sealed class LatencyBucketsTests
{
    [Fact]
    public void Percentile_OfEvenlySpreadLatencies_IsWithinItsBucket()
    {
        var buckets = new LatencyBuckets();
        for (var ms = 1; ms <= 1000; ms++)
        {
            buckets.Add(TimeSpan.FromMilliseconds(ms));
        }

        Assert.InRange(buckets.Percentile(0.5)!.Value.TotalMilliseconds, 200, 1000);
        Assert.InRange(buckets.Percentile(0.99)!.Value.TotalMilliseconds, 500, 1000);
        Assert.InRange(buckets.Percentile(0.01)!.Value.TotalMilliseconds, 5, 20);
    }

    [Fact]
    public void Percentile_OfNothing_IsNull() => Assert.Null(new LatencyBuckets().Percentile(0.5));

    [Fact]
    public void Percentile_AboveTheLastBound_IsTheLastBound()
    {
        var buckets = new LatencyBuckets();
        buckets.Add(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.FromSeconds(60), buckets.Percentile(0.99));
    }

    [Fact]
    public void Text_RoundTrips_AndMergeAddsCounts()
    {
        var a = new LatencyBuckets();
        a.Add(TimeSpan.FromMilliseconds(3));
        a.Add(TimeSpan.FromMilliseconds(700));
        var b = LatencyBuckets.Parse(a.ToText());
        b.Merge(a);
        Assert.Equal(4, b.Count);
        Assert.Equal("0,0,2,0,0,0,0,0,0,2,0,0,0,0,0,0", b.ToText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,2,3")]
    [InlineData(null)]
    public void Parse_OfAnotherShape_IsEmpty(string? text) => Assert.Equal(0, LatencyBuckets.Parse(text).Count);
}

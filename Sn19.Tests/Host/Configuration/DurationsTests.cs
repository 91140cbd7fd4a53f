namespace Sn19.Tests.Host.Configuration;

using Sn19.Host.Configuration;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("5 minutes", 300_000)]
    [InlineData("100ms", 100)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1 day", 86_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("250", 250)]
    [InlineData("3 seconds", 3_000)]
    [InlineData("2000us", 2)]
    [InlineData("5000000 nanos", 5)]
    [InlineData("00:01:30", 90_000)]
    public void TryParse_HoconDuration_GivesTimeSpan(string text, long milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 fortnights")]
    [InlineData("s")]
    [InlineData("1.2.3s")]
    public void TryParse_NotADuration_Fails(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }
}

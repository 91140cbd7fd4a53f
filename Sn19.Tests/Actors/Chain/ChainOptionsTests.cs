namespace Sn19.Tests.Actors.Chain;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Chain;

public sealed class ChainOptionsTests
{
    [Fact]
    public void Bind_DashedKeys_SetEveryLevel()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["chain:data-dir"] = "/tmp/chain-x",
            ["chain:block-time"] = "00:00:02",
            ["chain:url"] = "http://127.0.0.1:1234",
            ["chain:subnet:tempo"] = "99",
            ["chain:subnet:weights-rate-limit"] = "7",
            ["chain:subnet:yuma3"] = "false",
        }).Build();

        var options = configuration.GetSection(ChainOptions.Section).Get<ChainOptions>()!;

        Assert.Equal("/tmp/chain-x", options.DataDir);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BlockTime);
        Assert.Equal(99UL, options.Subnet.Tempo);
        Assert.Equal(7UL, options.Subnet.WeightsRateLimit);
        Assert.False(options.Subnet.Yuma3);
        Assert.Equal(32_767, options.Subnet.Kappa);
        Assert.Null(options.Validate());
    }

    [Theory]
    [InlineData("wss://entrypoint-finney.opentensor.ai:443")]
    [InlineData("ws://127.0.0.1:9944")]
    [InlineData("http://127.0.0.1:19944")]
    public void Validate_LocalOrSubtensorUrl_IsAccepted(string url)
    {
        Assert.Null(new ChainOptions { Url = url }.Validate());
    }

    [Fact]
    public void Validate_Defaults_MatchReferenceForANewSubnet()
    {
        var options = new ChainOptions();
        Assert.Null(options.Validate());
        Assert.Equal(5_000UL, options.Subnet.ActivityCutoffBlocks);
        Assert.Equal((360UL, (ushort)32_767, 100UL, (ushort)64, 5_000UL, (ushort)1), (options.Subnet.Tempo, options.Subnet.Kappa, options.Subnet.WeightsRateLimit, options.Subnet.MaxAllowedValidators, options.Subnet.ImmunityPeriod, options.Subnet.MinAllowedWeights));
    }

    [Theory]
    [InlineData("url", "ftp://x", "chain.url")]
    [InlineData("netuid", "0", "chain.netuid")]
    [InlineData("subnet:tempo", "0", "tempo")]
    public void Validate_BadValue_NamesTheKey(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["chain:" + key] = value }).Build();
        var options = configuration.GetSection(ChainOptions.Section).Get<ChainOptions>()!;
        Assert.Contains(named, options.Validate(), StringComparison.Ordinal);
    }
}

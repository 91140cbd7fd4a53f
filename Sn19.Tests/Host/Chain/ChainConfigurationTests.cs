namespace Sn19.Tests.Host.Chain;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Chain;
using Sn19.Host.Cli.Chain;
using Sn19.Host.Configuration;

/// <summary>hocon/defaults/chain.conf binds onto <see cref="ChainOptions"/> key for key.</summary>
public sealed class ChainConfigurationTests
{
    [Fact]
    public void Bind_ShippedDefaults_EqualOptionDefaults()
    {
        var configuration = Sn19ConfigurationLoader.Load(new ConfigurationRequest { Environment = new Dictionary<string, string>() });

        var bound = ChainCli.Bind(configuration);
        var defaults = new ChainOptions();

        Assert.Equal(defaults.Subnet, bound.Subnet);
        Assert.Equal(
            (defaults.DataDir, defaults.BlockTime, defaults.Listen, defaults.Url, defaults.Netuid),
            (bound.DataDir, bound.BlockTime, bound.Listen, bound.Url, bound.Netuid));

        // Every key in chain.conf names a settable property (the binder silently ignores a misspelled key).
        var known = KeyNames(typeof(ChainOptions), "chain.").Concat(KeyNames(typeof(SubnetHyperparameters), "chain.subnet.")).ToHashSet();
        var inFile = configuration.Entries().Select(e => e.Key).Where(k => k.StartsWith("chain.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(24, inFile.Length);
        Assert.All(inFile, key => Assert.Contains(key, known));
    }

    [Fact]
    public void Bind_Overrides_ReachNestedSubnet()
    {
        var configuration = Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Environment = new Dictionary<string, string>(),
            CommandLine = new Dictionary<string, string?> { ["chain.subnet.weights-rate-limit"] = "3", ["chain.block-time"] = "250ms" },
        });

        var bound = ChainCli.Bind(configuration);

        Assert.Equal(3UL, bound.Subnet.WeightsRateLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(250), bound.BlockTime);
    }

    [Fact]
    public void Bind_BadValue_ConfigurationExceptionNamingKey()
    {
        var configuration = Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Environment = new Dictionary<string, string>(),
            CommandLine = new Dictionary<string, string?> { ["chain.subnet.tempo"] = "0" },
        });

        var e = Assert.Throws<ConfigurationException>(() => ChainCli.Bind(configuration));
        Assert.Contains("tempo", e.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> KeyNames(Type type, string prefix) =>
        type.GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => prefix + (p.GetCustomAttributes(typeof(ConfigurationKeyNameAttribute), false) is [ConfigurationKeyNameAttribute a, ..]
                ? a.Name
                : p.Name.ToLowerInvariant()));
}

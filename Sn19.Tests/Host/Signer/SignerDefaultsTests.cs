namespace Sn19.Tests.Host.Signer;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire;
using Sn19.Host.Configuration;
using Sn19.Host.Signer;

/// <summary>The shipped HOCON defaults bind to exactly the options classes' own defaults.</summary>
public sealed class SignerDefaultsTests
{
    private static IConfigurationRoot Load(string file)
    {
        ConfigurationConverters.Register();
        return new ConfigurationBuilder().AddHoconFiles(Path.Join(AppContext.BaseDirectory, "hocon", "defaults", file)).Build();
    }

    [Fact]
    public void SignerConf_BindsToSignerOptionsDefaults()
    {
        var configuration = Load("signer.conf");
        var bound = configuration.GetSection(SignerOptions.Section).Get<SignerOptions>()!;
        var defaults = new SignerOptions();

        Assert.Equal(defaults.SocketPath, bound.SocketPath);
        Assert.Equal(defaults.WalletsPath, bound.WalletsPath);
        Assert.Equal(defaults.TokensFile, bound.TokensFile);
        Assert.Equal(defaults.MaxRequestBytes, bound.MaxRequestBytes);
        Assert.Equal(defaults.MaxConnections, bound.MaxConnections);
        Assert.Equal(defaults.NonceWindow, bound.NonceWindow);
        Assert.Equal(defaults.RequirePrivateFiles, bound.RequirePrivateFiles);
        Assert.Equal(defaults.SocketOwnerUid, bound.SocketOwnerUid);
        bound.Validate();
    }

    [Fact]
    public void SignerConf_ClientSectionBindsToClientDefaults()
    {
        var bound = Load("signer.conf").GetSection(SignerClientOptions.Section).Get<SignerClientOptions>()!;
        var defaults = new SignerClientOptions();

        Assert.Equal(defaults.SocketPath, bound.SocketPath);
        Assert.Equal(defaults.Hotkey, bound.Hotkey);
        Assert.Equal(defaults.RequestTimeout, bound.RequestTimeout);
        Assert.Equal(string.Empty, bound.Name);
    }

    [Fact]
    public void WireConf_BindsToEnvelopeOptionsDefaults()
    {
        var bound = Load("wire.conf").GetSection(EnvelopeOptions.Section).Get<EnvelopeOptions>()!;
        var defaults = new EnvelopeOptions();

        Assert.Equal(defaults.NonceWindow, bound.NonceWindow);
        Assert.Equal(defaults.MinValidatorStake, bound.MinValidatorStake);
        Assert.Equal(defaults.MaxBodyBytes, bound.MaxBodyBytes);
        Assert.Equal(defaults.ReplayCachePerValidator, bound.ReplayCachePerValidator);
        Assert.Equal(defaults.ReplayCacheMaxValidators, bound.ReplayCacheMaxValidators);
        bound.Validate();
    }
}

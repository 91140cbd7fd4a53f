namespace Sn19.Host.Configuration;

using Sn19.Host.Configuration.Hocon;

internal sealed class CommandLineOverridesProvider(CommandLineOverridesSource source) : TracedConfigurationProvider
{
    protected override IEnumerable<(string Key, string? Value, string Source)> ReadValues() =>
        source.Values.Select(v => (ConfigurationKeys.FromPath(v.Key, "command line"), v.Value, "command line"));

    public override string ToString() => "command line";
}

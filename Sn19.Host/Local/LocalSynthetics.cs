namespace Sn19.Host.Local;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Host.Configuration;

/// <summary>
/// The synthetic-prompt settings `sn19 local` runs with (hocon/local.conf: the reference's distributions
/// scaled down to a 256-token context), for tools that measure what the local subnet sends, so they never
/// keep a copy of their own. Environment overrides are ignored: a measurement should not depend on the shell.
/// </summary>
public static class LocalSynthetics
{
    public static SyntheticOptions Load()
    {
        var configuration = Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Role = "local",
            Environment = new Dictionary<string, string>(),
        });
        var options = configuration.Root.GetSection("validator:synthetics").Get<SyntheticOptions>() ?? new SyntheticOptions();
        options.Validate();
        return options;
    }
}

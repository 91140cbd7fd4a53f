namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

/// <summary>Values given on the command line (`--set logging.level=debug`, or options a command maps to
/// keys). Keys are HOCON paths: dotted, with quoted segments where a segment holds a '.'.</summary>
internal sealed class CommandLineOverridesSource : IConfigurationSource
{
    public required IReadOnlyDictionary<string, string?> Values { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new CommandLineOverridesProvider(this);
}

namespace Sn19.Host.Cli.Config;

using System.CommandLine;
using Sn19.Host.Configuration;

/// <summary>
/// The `--config FILE` and `--set KEY=VALUE` options every command that reads configuration shares, and
/// the one way such a command loads it: <see cref="Run"/> / <see cref="RunAsync"/> load the layered
/// configuration for a role, run the command's body, and turn any <see cref="ConfigurationException"/>
/// (from loading, binding or validation) into one clear line on stderr and exit code 2.
/// <code>
/// var config = ConfigurationCliOptions.AddTo(command);
/// command.SetAction((r, ct) => config.RunAsync(r, "validator", (c, ct) => RunValidator(c, ct), ct));
/// </code>
/// </summary>
internal sealed class ConfigurationCliOptions
{
    public Option<string?> ConfigFile { get; } = new("--config")
    {
        Description = "A HOCON file layered over hocon/sn19.conf and the role file",
        HelpName = "FILE",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override one key, highest layer (repeatable): --set logging.level=debug",
        HelpName = "KEY=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static ConfigurationCliOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new ConfigurationCliOptions();
        command.Options.Add(options.ConfigFile);
        command.Options.Add(options.Set);
        return options;
    }

    /// <summary>The request for <paramref name="role"/> from the parsed options; throws
    /// <see cref="ConfigurationException"/> for a malformed --set.</summary>
    public ConfigurationRequest CreateRequest(ParseResult result, string? role)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ConfigurationRequest
        {
            Role = role,
            ConfigFile = result.GetValue(ConfigFile),
            CommandLine = ParseSets(result.GetValue(Set) ?? []),
        };
    }

    /// <summary>`key=value` pairs (the first '=' splits; the key is a HOCON path); later ones win.</summary>
    public static IReadOnlyDictionary<string, string?> ParseSets(IEnumerable<string> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var eq = set.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ConfigurationException($"--set expects KEY=VALUE (e.g. logging.level=debug), not '{set}'", "command line", line: null, key: null);
            }

            var key = set[..eq].Trim();
            ConfigurationKeys.FromPath(key, "command line");
            values[key] = set[(eq + 1)..];
        }

        return values;
    }

    public int Run(ParseResult result, string? role, Func<Sn19Configuration, int> action)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action(Sn19ConfigurationLoader.Load(CreateRequest(result, role)));
        }
        catch (ConfigurationException e)
        {
            return ConfigurationErrors.Report(e, result.InvocationConfiguration.Error);
        }
    }

    public async Task<int> RunAsync(ParseResult result, string? role, Func<Sn19Configuration, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action(Sn19ConfigurationLoader.Load(CreateRequest(result, role)), cancellationToken);
        }
        catch (ConfigurationException e)
        {
            return ConfigurationErrors.Report(e, result.InvocationConfiguration.Error);
        }
    }
}

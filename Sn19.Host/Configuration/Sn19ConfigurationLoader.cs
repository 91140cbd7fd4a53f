namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

/// <summary>
/// Loads the layered Sn19 configuration, lowest layer first:
///  1. hocon/sn19.conf (which includes hocon/defaults/*.conf): every default;
///  2. hocon/&lt;role&gt;.conf;
///  3. the file given with --config;
///  4. environment variables SN19__a__b (key a.b);
///  5. command-line options.
/// Layers 1-3 are one HOCON document (so a role file may use `+=` or `${...}` on defaults); 4 and 5 are
/// plain string overrides on top. Every failure is a <see cref="ConfigurationException"/> naming file,
/// line and key.
/// </summary>
public static class Sn19ConfigurationLoader
{
    public static Sn19Configuration Load(ConfigurationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ConfigurationConverters.Register();
        var environment = request.Environment ?? ProcessEnvironment.Snapshot();
        var hoconDirectory = Path.GetFullPath(request.HoconDirectory ?? HoconDirectoryLocator.Find());
        var files = new List<string> { Path.Combine(hoconDirectory, HoconDirectoryLocator.MainFile) };

        if (!string.IsNullOrEmpty(request.Role))
        {
            var roleFile = Path.Combine(hoconDirectory, request.Role + ".conf");
            if (!IsPlainName(request.Role) || !File.Exists(roleFile))
            {
                var known = Directory.EnumerateFiles(hoconDirectory, "*.conf")
                    .Select(Path.GetFileNameWithoutExtension)
                    .Where(n => n != "sn19")
                    .Order(StringComparer.Ordinal);
                throw new ConfigurationException(
                    $"unknown role '{request.Role}' (no {request.Role}.conf in {hoconDirectory}; roles: {string.Join(", ", known)})",
                    "command line", line: null, key: "role");
            }

            files.Add(roleFile);
        }

        if (!string.IsNullOrEmpty(request.ConfigFile))
        {
            var configFile = Path.GetFullPath(request.ConfigFile);
            if (!File.Exists(configFile))
            {
                throw new ConfigurationException($"configuration file not found: {configFile}", "--config", line: null, key: null);
            }

            files.Add(configFile);
        }

        var display = DisplayNames(hoconDirectory);
        var hocon = new HoconConfigurationSource { Files = files, Environment = environment, DisplayName = display };
        var builder = new ConfigurationBuilder();
        builder.Add(hocon);
        builder.Add(new EnvironmentOverridesSource
        {
            Environment = environment,
            KnownKeys = () => hocon.Provider?.Keys ?? [],
        });
        builder.Add(new CommandLineOverridesSource
        {
            Values = request.CommandLine ?? new Dictionary<string, string?>(),
        });

        return new Sn19Configuration(builder.Build(), request.Role, files.Select(display).ToList());
    }

    /// <summary>Files under the hocon folder show as `hocon/...`; others relative to the current directory
    /// when inside it, else in full.</summary>
    private static Func<string, string> DisplayNames(string hoconDirectory)
    {
        var current = Directory.GetCurrentDirectory();
        return path =>
        {
            var underHocon = Path.GetRelativePath(hoconDirectory, path);
            if (!underHocon.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(underHocon))
            {
                return "hocon/" + underHocon.Replace('\\', '/');
            }

            var underCurrent = Path.GetRelativePath(current, path);
            return underCurrent.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(underCurrent) ? path : underCurrent;
        };
    }

    private static bool IsPlainName(string role) => role.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
}

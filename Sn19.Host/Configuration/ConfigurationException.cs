namespace Sn19.Host.Configuration;

/// <summary>
/// A configuration that cannot be used as written: a malformed file, a missing include, an unresolved
/// substitution, a value of the wrong type or out of range. The message always names where the problem is
/// (file and line when known) and which key it concerns, so an operator can fix it without a stack trace.
/// </summary>
public class ConfigurationException : Exception
{
    public ConfigurationException()
        : this("invalid configuration")
    {
    }

    public ConfigurationException(string message)
        : this(message, source: null, line: null, key: null)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : this(message, source: null, line: null, key: null, innerException)
    {
    }

    public ConfigurationException(string detail, string? source, int? line, string? key, Exception? innerException = null)
        : base(Compose(detail, source, line, key), innerException)
    {
        Detail = detail;
        File = source;
        Line = line;
        Key = key;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }

    /// <summary>The file (as shown to the user), or `env NAME` / `command line` for values set there;
    /// null when unknown.</summary>
    public string? File { get; }

    /// <summary>1-based line in <see cref="File"/>, or null when the source has no lines.</summary>
    public int? Line { get; }

    /// <summary>The configuration key concerned, dotted (`logging.file.max-size`), or null.</summary>
    public string? Key { get; }

    /// <summary>The same problem with the place it was set, for errors found after loading (binding,
    /// validation) where only the key was known.</summary>
    public ConfigurationException WithSource(string? source, int? line) =>
        File is not null || source is null ? this : new ConfigurationException(Detail, source, line, Key, this);

    private static string Compose(string detail, string? source, int? line, string? key)
    {
        var location = source is null ? "" : line is > 0 ? $"{source}:{line}: " : $"{source}: ";
        var where = key is null ? "" : $"key '{key}': ";
        return location + where + detail;
    }
}

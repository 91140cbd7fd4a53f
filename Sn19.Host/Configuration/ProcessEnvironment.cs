namespace Sn19.Host.Configuration;

using System.Collections;

/// <summary>A copy of the process environment, taken once so one load sees one consistent set.</summary>
internal static class ProcessEnvironment
{
    public static IReadOnlyDictionary<string, string> Snapshot()
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}

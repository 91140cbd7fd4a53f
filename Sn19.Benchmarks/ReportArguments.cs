namespace Sn19.Benchmarks;

using System.Globalization;

/// <summary>The "--name value" options of the report commands (those that print a table rather than run BenchmarkDotNet).</summary>
internal static class ReportArguments
{
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

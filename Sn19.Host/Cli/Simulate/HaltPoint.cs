namespace Sn19.Host.Cli.Simulate;

using System.Globalization;

/// <summary>PERIOD:EVENT, where a run halts (hidden option --halt-at).</summary>
internal sealed record HaltPoint(long Period, int Event)
{
    public static HaltPoint? Parse(string? text)
    {
        var parts = text?.Split(':') ?? [];
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var period)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new HaltPoint(period, index)
            : null;
    }
}

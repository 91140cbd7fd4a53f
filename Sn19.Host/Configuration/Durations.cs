namespace Sn19.Host.Configuration;

using System.Globalization;

/// <summary>
/// HOCON durations: a number and a unit, with or without a space: `30s`, `5 minutes`, `100ms`, `1.5h`.
/// Units: ns/nano(s)/nanosecond(s), us/micro(s)/microsecond(s), ms/milli(s)/millisecond(s),
/// s/second(s), m/minute(s), h/hour(s), d/day(s). A bare number is milliseconds (as in HOCON).
/// `hh:mm:ss` (quoted in HOCON) is read as a .NET TimeSpan.
/// </summary>
internal static class Durations
{
    private static readonly Dictionary<string, decimal> TicksPerUnit = Build();

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value);
        }

        if (!Quantities.TrySplit(trimmed, out var number, out var unit) ||
            !TicksPerUnit.TryGetValue(unit.Length == 0 ? "ms" : unit, out var ticks))
        {
            return false;
        }

        var total = number * ticks;
        if (total > TimeSpan.MaxValue.Ticks || total < TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)decimal.Truncate(total));
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration (e.g. 30s, 5 minutes, 100ms, 2h)");

    private static Dictionary<string, decimal> Build()
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var n in names)
            {
                map[n] = ticks;
            }
        }

        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return map;
    }
}

namespace Sn19.Host.Cli.Ctl;

using System.Globalization;
using Sn19.Actors.History;

/// <summary>
/// The export's two CSV shapes (RFC 4180: a header line, comma-separated, a field quoted when it holds a comma, quote
/// or line break): contender period rows like the reference's community site published, and weights per round.
/// Times are ISO-8601 UTC; numbers are invariant and round-trip exactly; an unknown value is an empty field.
/// </summary>
internal static class HistoryCsv
{
    public const string ContenderHeader =
        "period,period_start,period_end,task,uid,hotkey,declared_capacity,capacity,ok,rate_limited,failed,quality,tokens_per_second,period_score,weight,incentive";

    public const string WeightHeader = "round,set_at,uid,hotkey,weight,u16";

    public static void WriteContenders(TextWriter writer, IEnumerable<PeriodHistoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(ContenderHeader);
        foreach (var r in rows)
        {
            writer.WriteLine(string.Join(',',
                Int(r.Period), Time(r.Start), Time(r.End), Field(r.TaskId), Int(r.Uid), Field(r.Hotkey), Number(r.DeclaredCapacity), Number(r.Capacity),
                Int(r.Ok), Int(r.RateLimited), Int(r.Failed), Number(r.Quality), Number(r.TokensPerSecond), Number(r.PeriodScore), Number(r.Weight),
                Number(r.Incentive)));
        }
    }

    public static void WriteWeights(TextWriter writer, IEnumerable<WeightHistoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(WeightHeader);
        foreach (var w in rows)
        {
            writer.WriteLine(string.Join(',', Int(w.Round), Time(w.At), Int(w.Uid), Field(w.Hotkey), Number(w.Weight), Int(w.Value)));
        }
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Int(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

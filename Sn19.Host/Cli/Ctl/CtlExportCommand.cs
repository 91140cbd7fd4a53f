namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;
using System.Globalization;

/// <summary>
/// `sn19 ctl export --from DATE --to DATE --out DIR`: the validator's history as CSV files per UTC day,
/// <c>contenders-DATE.csv</c> (every contender's row of each period that ended that day) and <c>weights-DATE.csv</c>
/// (every miner's weight in each round set that day). Days are asked one at a time; each file is written beside its
/// name and moved into place, so an interrupted export leaves whole files only. A day with nothing writes no file.
/// </summary>
internal static class CtlExportCommand
{
    private const int MaxDays = 366;

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "first UTC day, yyyy-MM-dd", Required = true };
        var to = new Option<string>("--to") { Description = "last UTC day (included), yyyy-MM-dd", Required = true };
        var output = new Option<string>("--out") { Description = "directory for the CSV files (created if missing)", Required = true };
        var command = new Command("export", "Write the contenders' period records and the weights per day as CSV files (the history the dashboard shows)");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(output);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
        {
            if (!TryDay(r.GetValue(from)!, out var first) || !TryDay(r.GetValue(to)!, out var last))
            {
                r.InvocationConfiguration.Error.WriteLine("sn19 ctl export: --from and --to are UTC days written yyyy-MM-dd, e.g. 2026-12-07");
                return ExitCodes.UsageOrInput;
            }

            if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 ctl export: --to must not be before --from, and at most {MaxDays} days after it");
                return ExitCodes.UsageOrInput;
            }

            var directory = Path.GetFullPath(r.GetValue(output)!);
            Directory.CreateDirectory(directory);
            var written = new List<string>();
            var days = new List<object>();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var call = await client.HistoryAsync(start, start.AddDays(1), ct);
                if (!call.IsOk)
                {
                    return CtlCli.Failed(r, call);
                }

                var history = call.Value!;
                var name = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var files = new List<string>();
                if (history.Periods.Count > 0)
                {
                    files.Add(Write(Path.Combine(directory, $"contenders-{name}.csv"), w => HistoryCsv.WriteContenders(w, history.Periods)));
                }

                if (history.Weights.Count > 0)
                {
                    files.Add(Write(Path.Combine(directory, $"weights-{name}.csv"), w => HistoryCsv.WriteWeights(w, history.Weights)));
                }

                var periods = history.Periods.Select(p => p.Period).Distinct().Count();
                var rounds = history.Weights.Select(w => w.Round).Distinct().Count();
                written.AddRange(files);
                days.Add(new { day = name, contenderRows = history.Periods.Count, periods, weights = history.Weights.Count, rounds, files });
                if (!json)
                {
                    r.InvocationConfiguration.Output.WriteLine(
                        $"{name}: {history.Periods.Count} contender row(s) of {periods} period(s), {history.Weights.Count} weight(s) of {rounds} round(s)");
                }
            }

            if (json)
            {
                CtlCli.WriteJson(r, new { directory, days });
            }
            else
            {
                r.InvocationConfiguration.Output.WriteLine($"{written.Count} file(s) in {directory}");
            }

            return ExitCodes.Ok;
        });
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Writes the file beside its name, then moves it into place; returns its path.</summary>
    private static string Write(string path, Action<TextWriter> write)
    {
        var partial = path + ".partial";
        using (var writer = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(false)))
        {
            writer.NewLine = "\r\n";
            write(writer);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}

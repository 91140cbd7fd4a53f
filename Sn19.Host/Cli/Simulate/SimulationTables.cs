namespace Sn19.Host.Cli.Simulate;

using System.Globalization;
using Spectre.Console;
using Sn19.Actors.Subnet.Validation;

/// <summary>Renders a simulation as tables: one per period with the weights breakdown, then the final weights.</summary>
internal sealed class SimulationTables(TextWriter output)
{
    private readonly IAnsiConsole _console = CreateConsole(output);

    public void Period(PeriodReport report)
    {
        var schedules = string.Join(", ", report.Tasks.Select(t =>
            $"{t.TaskId}: {t.Planned} synthetic planned, {t.Sent} sent, {t.Cancelled} cancelled by {t.OrganicRequests} organic"));
        var table = new Table { Title = new TableTitle($"period {report.Period} ({schedules})") };
        foreach (var column in new[] { "miner", "task", "ok", "429", "failed", "quality", "tok/s", "score", "bonus", "P", "share", "weight" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "miner" or "task" ? Justify.Left : Justify.Right });
        }

        var round = report.Weights?.Round;
        var breakdown = round?.Contenders.ToDictionary(c => (c.Hotkey, c.TaskId)) ?? [];
        var weights = round?.Miners.ToDictionary(m => m.Hotkey, m => m.Weight, StringComparer.Ordinal) ?? [];
        foreach (var row in report.Rows.OrderBy(r => r.Uid).ThenBy(r => r.TaskId, StringComparer.Ordinal))
        {
            var b = breakdown.GetValueOrDefault((row.Hotkey, row.TaskId));
            table.AddRow(
                row.Hotkey, row.TaskId, Int(row.Ok), Int(row.RateLimited), Int(row.Failed), F(row.Quality, "0.000"), F(row.TokensPerSecond, "0.0"),
                F(row.PeriodScore, "0.000"), F(b?.Bonus, "+0.000;-0.000;0.000"), F(b?.PeriodAggregate, "0.000"),
                F(b?.Share, "0.0000"), F(weights.GetValueOrDefault(row.Hotkey), "0.0000"));
        }

        _console.Write(table);
    }

    /// <summary>The weights the last period set, best first.</summary>
    public void Final(PeriodReport last)
    {
        var table = new Table { Title = new TableTitle($"weights after period {last.Period} ({last.Weights?.Status.ToString() ?? "no round"})") };
        table.AddColumn("rank");
        table.AddColumn("miner");
        table.AddColumn(new TableColumn("uid") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("weight") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("u16") { Alignment = Justify.Right });
        var rank = 1;
        foreach (var m in (last.Weights?.Round.Miners ?? []).OrderByDescending(m => m.Weight).ThenBy(m => m.Hotkey, StringComparer.Ordinal))
        {
            table.AddRow(Int(rank++), m.Hotkey, m.Uid?.ToString(CultureInfo.InvariantCulture) ?? "-", F(m.Weight, "0.000000"), Int(m.Value));
        }

        _console.Write(table);
    }

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Redirected output reports 80 columns, which folds the period table; it needs about 130.
        console.Profile.Width = Math.Max(console.Profile.Width, 140);
        return console;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}

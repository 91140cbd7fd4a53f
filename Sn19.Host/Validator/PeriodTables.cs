namespace Sn19.Host.Validator;

using System.Globalization;
using Sn19.Actors.Chain;
using Sn19.Actors.Subnet.Validation;
using Spectre.Console;

/// <summary>
/// What `sn19 local` and `sn19 validator` print: the node at start, then per period the contenders and the
/// weights. Miners are shown by name where the caller knows one (the local subnet), else by hotkey.
/// </summary>
internal sealed class PeriodTables
{
    private readonly IAnsiConsole _console;
    private readonly Dictionary<string, string> _names;
    private readonly IReadOnlyList<string> _tasks;

    public PeriodTables(TextWriter output, IReadOnlyDictionary<string, string> names, IReadOnlyList<string> tasks)
    {
        // A terminal gets colour and its own width; a file or pipe gets plain text wide enough not to wrap.
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            _console.Profile.Width = 160;
        }
        _names = new Dictionary<string, string>(names, StringComparer.Ordinal);
        _tasks = tasks;
    }

    /// <summary>Runs the node's periods (forever when <paramref name="periods"/> is null), printing the start, each
    /// period and its weights round as it closes, and the end.</summary>
    public async Task RunAsync(
        ValidatorNode node, IChain chain, string validator, string dataDir, ValidatorSettings settings, int? periods, CancellationToken cancellationToken)
    {
        Started(validator, dataDir, settings);
        await node.RunAsync(periods, async report => PeriodClosed(report, await chain.GetMetagraphAsync(cancellationToken)), Waiting, cancellationToken);
        Finished(node.ChecksRun);
    }

    public void Started(string validator, string dataDir, ValidatorSettings settings)
    {
        var miners = _names.Count > 0 ? $"{_names.Count} miners ({Markup.Escape(string.Join(", ", _names.Values))}), " : "";
        _console.MarkupLine($"[bold]Sn19 validator[/] {Short(validator)}: {miners}" +
            $"tasks {Markup.Escape(string.Join(", ", _tasks))}, periods of {settings.Mechanism.Period.TotalSeconds:F0} s; state in {Markup.Escape(Path.GetFullPath(dataDir))}");
    }

    public void Waiting(long period, DateTimeOffset start)
    {
        var wait = start - DateTimeOffset.UtcNow;
        _console.MarkupLine($"[grey]Period {period} starts at {start:HH:mm:ss} UTC (in {Math.Max(0, wait.TotalSeconds):F0} s)[/]");
    }

    public void PeriodClosed(PeriodReport report, ChainResult<Metagraph> metagraph)
    {
        var table = new Table().Title($"Period {report.Period} ({report.Start:HH:mm:ss}–{report.End:HH:mm:ss} UTC)");
        foreach (var column in new[] { "uid", "miner", "hotkey", "task", "capacity", "ok", "429", "failed", "quality", "speed tok/s", "period score" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var row in report.Rows.OrderBy(r => r.Uid).ThenBy(r => r.TaskId, StringComparer.Ordinal))
        {
            table.AddRow(
                row.Uid?.ToString(CultureInfo.InvariantCulture) ?? "-", Name(row.Hotkey), Short(row.Hotkey), Markup.Escape(row.TaskId),
                $"{row.DeclaredCapacity:F0}", row.Ok.ToString(CultureInfo.InvariantCulture), row.RateLimited.ToString(CultureInfo.InvariantCulture),
                row.Failed.ToString(CultureInfo.InvariantCulture), Number(row.Quality), Number(row.TokensPerSecond, "F1"), Number(row.PeriodScore));
        }

        _console.Write(table);
        WriteWeights(report, metagraph);
    }

    public void Finished(long checks) =>
        _console.MarkupLine($"[bold]Done.[/] {checks} quality checks ran. State is kept for the next run.");

    /// <summary>The Yuma epoch that ran on the last weights: incentive and dividends per uid.</summary>
    public void Epoch(Metagraph metagraph)
    {
        var table = new Table().Title($"Yuma epoch at block {metagraph.LastEpochBlock}");
        foreach (var column in new[] { "uid", "miner", "incentive", "dividends", "validator trust", "emission (TAO)" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var neuron in metagraph.Neurons.OrderByDescending(n => n.Incentive).ThenBy(n => n.Uid))
        {
            table.AddRow(
                neuron.Uid.ToString(CultureInfo.InvariantCulture), Name(neuron.Hotkey),
                $"{neuron.Incentive / 65535.0:F4}", $"{neuron.Dividends / 65535.0:F4}", $"{neuron.ValidatorTrust / 65535.0:F4}",
                $"{neuron.EmissionRao / 1e9:F4}");
        }

        _console.Write(table);
    }

    private void WriteWeights(PeriodReport report, ChainResult<Metagraph> metagraph)
    {
        if (report.Weights is not { } weights)
        {
            _console.MarkupLine("[yellow]No weights round ran after this period.[/]");
            return;
        }

        var neurons = metagraph.IsOk ? metagraph.Value!.Neurons.ToDictionary(n => n.Hotkey, StringComparer.Ordinal) : [];
        var table = new Table().Title($"Weights round {weights.Round.Round}: {weights.Status} {Markup.Escape(weights.Detail ?? "")}");
        foreach (var column in new[] { "uid", "miner", "weight", "u16", "Yuma incentive", "dividends" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var miner in weights.Round.Miners.OrderByDescending(m => m.Weight))
        {
            neurons.TryGetValue(miner.Hotkey, out var neuron);
            table.AddRow(
                miner.Uid?.ToString(CultureInfo.InvariantCulture) ?? "-", Name(miner.Hotkey), $"{miner.Weight:F4}",
                miner.Value.ToString(CultureInfo.InvariantCulture), neuron is null ? "-" : $"{neuron.Incentive / 65535.0:F4}",
                neuron is null ? "-" : $"{neuron.Dividends / 65535.0:F4}");
        }

        _console.Write(table);
        if (metagraph.IsOk)
        {
            _console.MarkupLine($"[grey]Chain at block {metagraph.Value!.Block}; last Yuma epoch at block {metagraph.Value.LastEpochBlock}.[/]");
        }
    }

    private string Name(string hotkey) => Markup.Escape(_names.GetValueOrDefault(hotkey, Short(hotkey)));

    private static string Short(string hotkey) => hotkey.Length > 10 ? hotkey[..6] + "…" + hotkey[^4..] : hotkey;

    private static string Number(double? value, string format = "F3") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}

namespace Sn19.Host.Cli.Ctl;

using System.Globalization;
using Sn19.Host.Admin;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>Spectre tables for `sn19 ctl contenders` and `sn19 ctl weights`.</summary>
internal static class ValidatorTables
{
    public static IRenderable Contenders(ContenderListResponse list)
    {
        var table = new Table().Title(Markup.Escape($"{list.Contenders.Count} contender(s) on {list.System} at {list.At:HH:mm:ss} UTC"));
        foreach (var header in new[] { "hotkey", "task", "open", "last closed", "declared", "capacity", "to score", "queries", "429", "failed", "work", "last score", "scored", "checks" })
        {
            table.AddColumn(new TableColumn(header) { Alignment = header is "hotkey" or "task" ? Justify.Left : Justify.Right });
        }

        foreach (var c in list.Contenders.OrderBy(c => c.Hotkey, StringComparer.Ordinal).ThenBy(c => c.TaskId, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(c.Hotkey), Markup.Escape(c.TaskId), Number(c.OpenPeriod), Number(c.LastClosedPeriod),
                F(c.DeclaredCapacity, "0"), F(c.Capacity, "0"), F(c.CapacityToScore, "0"), Int(c.Queries), Int(c.RateLimited), Int(c.Failed),
                F(c.Consumed, "0"), c.LastScore is { } s ? F(s, "0.000") : "-", Int(c.ScoredPeriods), Int(c.QualitySamples));
        }

        return table;
    }

    public static IRenderable Weights(WeightsResponse weights)
    {
        var table = new Table().Title(Markup.Escape($"last {weights.Rounds.Count} weight round(s) on {weights.System}"));
        foreach (var header in new[] { "round", "at", "status", "block", "miners", "top weights", "detail" })
        {
            table.AddColumn(header);
        }

        foreach (var entry in weights.Rounds)
        {
            var top = string.Join(", ", entry.Round.Miners.OrderByDescending(m => m.Weight).Take(3)
                .Select(m => $"{Short(m.Hotkey)} {m.Weight.ToString("0.000", CultureInfo.InvariantCulture)}"));
            table.AddRow(
                Int(entry.Round.Round), entry.Round.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), entry.Status.ToString(),
                entry.Block.ToString(CultureInfo.InvariantCulture), Int(entry.Round.Miners.Count), Markup.Escape(top), Markup.Escape(entry.Detail ?? ""));
        }

        return table;
    }

    private static string Short(string hotkey) => hotkey.Length > 12 ? hotkey[..6] + "…" + hotkey[^4..] : hotkey;

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

namespace Sn19.Host.Cli.Ctl;

using System.Globalization;
using System.Text.Json;
using Sn19.Host.Admin;
using Spectre.Console;

/// <summary>Spectre tables for `sn19 ctl actors` and `sn19 ctl actor`.</summary>
internal static class ActorTables
{
    private const int SummaryWidth = 60;

    public static Table List(IReadOnlyList<ActorInfo> actors, string system)
    {
        var table = new Table().Title($"{actors.Count} actor(s) on {Markup.Escape(system)}");
        foreach (var header in new[] { "path", "type", "status", "mailbox", "children", "persistence id", "seq", "summary" })
        {
            table.AddColumn(new TableColumn(header));
        }

        foreach (var a in actors)
        {
            table.AddRow(
                Markup.Escape(a.Path),
                Markup.Escape(a.Type),
                a.Status,
                a.MailboxDepth.ToString(CultureInfo.InvariantCulture),
                a.Children.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(a.PersistenceId ?? "-"),
                a.SequenceNr?.ToString(CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(Compact(a.Summary)));
        }

        return table;
    }

    public static Table One(ActorInfo a)
    {
        var table = new Table().Title(Markup.Escape(a.Path)).HideHeaders();
        table.AddColumn("field");
        table.AddColumn("value");
        table.AddRow("type", Markup.Escape(a.Type));
        table.AddRow("status", a.Status);
        table.AddRow("mailbox", a.MailboxDepth.ToString(CultureInfo.InvariantCulture));
        table.AddRow("children", a.Children.ToString(CultureInfo.InvariantCulture));
        table.AddRow("persistence id", Markup.Escape(a.PersistenceId ?? "-"));
        table.AddRow("sequence nr", a.SequenceNr?.ToString(CultureInfo.InvariantCulture) ?? "-");
        table.AddRow("summary", Markup.Escape(a.Summary is { } s ? JsonSerializer.Serialize(s, Admin.AdminJson.Indented) : "-"));
        return table;
    }

    private static string Compact(JsonElement? summary)
    {
        if (summary is not { } s)
        {
            return "-";
        }

        var text = s.GetRawText();
        return text.Length <= SummaryWidth ? text : text[..(SummaryWidth - 1)] + "…";
    }
}

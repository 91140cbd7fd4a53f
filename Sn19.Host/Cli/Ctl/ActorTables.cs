namespace Sn19.Host.Cli.Ctl;

using System.Globalization;
using System.Text.Json;
using Sn19.Actors.Kernel;
using Spectre.Console;

/// <summary>Spectre tables for `sn19 ctl actors` and `sn19 ctl actor`.</summary>
internal static class ActorTables
{
    private const int SummaryWidth = 60;

    public static Table List(IReadOnlyList<ActorInfo> actors, DateTimeOffset now, string system)
    {
        var table = new Table().Title($"{actors.Count} actor(s) on {Markup.Escape(system)}");
        foreach (var header in new[] { "path", "type", "status", "mailbox", "restarts", "last message", "persistence id", "seq", "summary" })
        {
            table.AddColumn(new TableColumn(header));
        }

        foreach (var a in actors)
        {
            table.AddRow(
                Markup.Escape(a.Path),
                Markup.Escape(a.Type),
                a.Status.ToString(),
                $"{a.MailboxDepth}/{a.MailboxCapacity}",
                a.Restarts.ToString(CultureInfo.InvariantCulture),
                Ago(a.LastMessageAt, now),
                Markup.Escape(a.PersistenceId ?? "-"),
                a.SequenceNr?.ToString(CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(Compact(a.Summary)));
        }

        return table;
    }

    public static Table One(ActorInfo a, DateTimeOffset now)
    {
        var table = new Table().Title(Markup.Escape(a.Path)).HideHeaders();
        table.AddColumn("field");
        table.AddColumn("value");
        table.AddRow("type", Markup.Escape(a.Type));
        table.AddRow("status", a.Status.ToString());
        table.AddRow("mailbox", $"{a.MailboxDepth} of {a.MailboxCapacity}");
        table.AddRow("restarts", a.Restarts.ToString(CultureInfo.InvariantCulture));
        table.AddRow("last message", a.LastMessageAt is { } at ? $"{at:O} ({Ago(at, now)})" : "-");
        table.AddRow("children", a.Children.ToString(CultureInfo.InvariantCulture));
        table.AddRow("persistence id", Markup.Escape(a.PersistenceId ?? "-"));
        table.AddRow("sequence nr", a.SequenceNr?.ToString(CultureInfo.InvariantCulture) ?? "-");
        table.AddRow("summary", Markup.Escape(a.Summary is { } s ? JsonSerializer.Serialize(s, Admin.AdminJson.Indented) : "-"));
        return table;
    }

    private static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } t)
        {
            return "-";
        }

        var ago = now - t;
        return ago < TimeSpan.Zero ? "now"
            : ago.TotalSeconds < 60 ? $"{ago.TotalSeconds:0.0}s ago"
            : ago.TotalMinutes < 60 ? $"{ago.TotalMinutes:0}m ago"
            : $"{ago.TotalHours:0}h ago";
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

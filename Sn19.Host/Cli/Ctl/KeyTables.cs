namespace Sn19.Host.Cli.Ctl;

using System.Globalization;
using Sn19.Actors.Organic;
using Sn19.Host.Admin;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>Spectre renderings for `sn19 ctl keys`.</summary>
internal static class KeyTables
{
    public static IRenderable List(KeyListResponse list)
    {
        var table = new Table().Title($"{list.Keys.Count} API key(s)");
        foreach (var header in new[] { "key id", "name", "state", "balance", "reserved", "requests", "prompt tok", "completion tok", "rpm", "tpm", "created" })
        {
            table.AddColumn(new TableColumn(header) { Alignment = header is "key id" or "name" or "state" or "created" ? Justify.Left : Justify.Right });
        }

        foreach (var k in list.Keys.OrderBy(k => k.Created))
        {
            table.AddRow(
                k.KeyId, Markup.Escape(k.Name), k.Revoked ? "revoked" : "active", D(k.Balance), D(k.Reserved), I(k.Requests), I(k.PromptTokens),
                I(k.CompletionTokens), Limit(k.RequestsPerMinute), Limit(k.TokensPerMinute), k.Created?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-");
        }

        return table;
    }

    public static IRenderable Show(KeyStatus k)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("key id", k.KeyId);
        summary.AddRow("name", Markup.Escape(k.Name));
        summary.AddRow("state", k.Revoked ? "revoked" : "active");
        summary.AddRow("credited", D(k.Credited));
        summary.AddRow("charged", D(k.Charged));
        summary.AddRow("balance", D(k.Balance));
        summary.AddRow("reserved", $"{D(k.Reserved)} ({k.OpenReservations} open request(s))");
        summary.AddRow("available", D(k.Available));
        summary.AddRow("limits", $"{Limit(k.RequestsPerMinute)} requests/min, {Limit(k.TokensPerMinute)} tokens/min");
        summary.AddRow("usage", $"{I(k.Requests)} requests, {I(k.PromptTokens)} prompt + {I(k.CompletionTokens)} completion tokens");
        var charges = new Table().Title($"latest {k.RecentCharges.Count} charge(s)");
        foreach (var header in new[] { "at", "request", "task", "prompt", "completion", "charged" })
        {
            charges.AddColumn(header);
        }

        foreach (var c in k.RecentCharges)
        {
            charges.AddRow(c.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture), c.RequestId, Markup.Escape(c.TaskId), I(c.PromptTokens), I(c.CompletionTokens), D(c.Charged));
        }

        return new Rows(summary, charges);
    }

    public static IRenderable Created(KeyCreatedResponse created) => new Rows(
        new Markup($"API key [bold]{Markup.Escape(created.Key.Name)}[/] ({created.Key.KeyId}), credit {D(created.Key.Credited)}:"),
        new Text(created.Secret),
        new Markup("[yellow]Shown once: only its hash is kept.[/] Use it as 'Authorization: Bearer <key>'."));

    private static string D(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Limit(int value) => value == 0 ? "none" : value.ToString(CultureInfo.InvariantCulture);
}

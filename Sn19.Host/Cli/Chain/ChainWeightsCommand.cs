namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using System.Globalization;
using Spectre.Console;

/// <summary>`sn19 chain weights` (show every stored row); `set` is <see cref="ChainWeightsSetCommand"/>.</summary>
internal static class ChainWeightsCommand
{
    public static Command Create()
    {
        var json = ChainCli.JsonOption();
        var command = new Command("weights", "Show the weights every uid has set (u16 as stored, max-upscaled to 65535); `set` submits weights");
        command.Options.Add(json);
        var url = ChainCli.AddClientOptions(command);
        command.Subcommands.Add(ChainWeightsSetCommand.Create());
        command.SetAction((ParseResult r, CancellationToken ct) => ChainCli.WithClientAsync(r, url, async (chain, token) =>
        {
            var result = await chain.GetWeightsAsync(token);
            if (!result.IsOk)
            {
                return ChainCli.Refused(r, result.Error);
            }

            if (r.GetValue(json))
            {
                ChainCli.WriteJson(r, result.Value);
                return ExitCodes.Ok;
            }

            var table = new Table().Title("weights (uid:u16)");
            table.AddColumn("uid");
            table.AddColumn("last update");
            table.AddColumn("weights");
            foreach (var row in result.Value!)
            {
                table.AddRow(
                    row.Uid.ToString(CultureInfo.InvariantCulture),
                    row.LastUpdate.ToString(CultureInfo.InvariantCulture),
                    row.Weights.Count == 0 ? "-" : string.Join(' ', row.Weights.Select(w => $"{w.Uid}:{w.Value}")));
            }

            ChainCli.Console(r).Write(table);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>Comma-separated integers 0-65535.</summary>
    public static bool TryParseList(string? text, out ushort[] list)
    {
        list = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = new ushort[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!ushort.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
            {
                return false;
            }
        }

        list = parsed;
        return true;
    }
}

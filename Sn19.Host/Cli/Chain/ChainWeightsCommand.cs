namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using System.Globalization;
using Spectre.Console;

/// <summary>`sn19 chain weights` (show every stored row) and `sn19 chain weights set`.</summary>
internal static class ChainWeightsCommand
{
    public static Command Create()
    {
        var json = ChainCli.JsonOption();
        var command = new Command("weights", "Show the weights every uid has set (u16 as stored, max-upscaled to 65535); `set` submits weights");
        command.Options.Add(json);
        var url = ChainCli.AddClientOptions(command);
        command.Subcommands.Add(CreateSet());
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

    private static Command CreateSet()
    {
        var hotkey = ChainCli.HotkeyOption();
        var uids = new Option<string>("--uids") { Description = "comma-separated uids, e.g. 3,4,5", Required = true };
        var values = new Option<string>("--values") { Description = "comma-separated u16 weights, one per uid", Required = true };
        var version = new Option<ulong>("--version-key") { Description = "the validator's version key", DefaultValueFactory = _ => 0 };
        var command = new Command("set", "Set a hotkey's weights (u16 values; the chain max-upscales them so the largest is 65535)");
        command.Options.Add(hotkey);
        command.Options.Add(uids);
        command.Options.Add(values);
        command.Options.Add(version);
        var url = ChainCli.AddClientOptions(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            if (!TryParseList(r.GetValue(uids), out var uidList) || !TryParseList(r.GetValue(values), out var valueList))
            {
                r.InvocationConfiguration.Error.WriteLine("sn19 chain weights set: --uids and --values must be comma-separated integers 0-65535");
                return Task.FromResult(ExitCodes.UsageOrInput);
            }

            return ChainCli.WithClientAsync(r, url, async (chain, token) =>
            {
                var result = await chain.SetWeightsAsync(r.GetValue(hotkey)!, uidList, valueList, r.GetValue(version), token);
                if (!result.IsOk)
                {
                    return ChainCli.Refused(r, result.Error);
                }

                r.InvocationConfiguration.Output.WriteLine($"weights of {r.GetValue(hotkey)} set on {uidList.Length} uids");
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    private static bool TryParseList(string? text, out ushort[] list)
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

namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using Sn19.Actors.Chain;

/// <summary>`sn19 chain stake add|remove`: moves stake between a coldkey and a hotkey.</summary>
internal static class ChainStakeCommand
{
    public static Command Create()
    {
        var command = new Command("stake", "Add or remove stake (in TAO) from a coldkey on a registered hotkey");
        command.Subcommands.Add(Create("add", "Stake TAO from a coldkey on a registered hotkey", add: true));
        command.Subcommands.Add(Create("remove", "Unstake TAO that a coldkey holds on a hotkey", add: false));
        return command;
    }

    private static Command Create(string name, string description, bool add)
    {
        var hotkey = ChainCli.HotkeyOption();
        var coldkey = ChainCli.ColdkeyOption();
        var amount = new Option<decimal>("--amount") { Description = "TAO (1 TAO = 1e9 rao)", Required = true };
        var command = new Command(name, description);
        command.Options.Add(coldkey);
        command.Options.Add(hotkey);
        command.Options.Add(amount);
        var url = ChainCli.AddClientOptions(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var tao = r.GetValue(amount);
            if (tao <= 0 || tao > 18_000_000_000m || decimal.Round(tao * 1_000_000_000m) != tao * 1_000_000_000m)
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 chain stake: --amount {tao} must be a positive TAO amount with at most 9 decimals");
                return Task.FromResult(ExitCodes.UsageOrInput);
            }

            var rao = (ulong)(tao * 1_000_000_000m);
            return ChainCli.WithClientAsync(r, url, async (chain, token) =>
            {
                ChainResult<ulong> result = add
                    ? await chain.AddStakeAsync(r.GetValue(coldkey)!, r.GetValue(hotkey)!, rao, token)
                    : await chain.RemoveStakeAsync(r.GetValue(coldkey)!, r.GetValue(hotkey)!, rao, token);
                if (!result.IsOk)
                {
                    return ChainCli.Refused(r, result.Error);
                }

                r.InvocationConfiguration.Output.WriteLine($"{r.GetValue(hotkey)} now has {ChainCli.Tao(result.Value)} TAO staked");
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }
}

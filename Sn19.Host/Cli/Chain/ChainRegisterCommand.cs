namespace Sn19.Host.Cli.Chain;

using System.CommandLine;

/// <summary>`sn19 chain register`: gives a hotkey a uid.</summary>
internal static class ChainRegisterCommand
{
    public static Command Create()
    {
        var hotkey = ChainCli.HotkeyOption();
        var coldkey = ChainCli.ColdkeyOption();
        var command = new Command("register", "Register a hotkey (owned by a coldkey) on the subnet; prints its uid");
        command.Options.Add(hotkey);
        command.Options.Add(coldkey);
        var url = ChainCli.AddClientOptions(command);
        command.SetAction((ParseResult r, CancellationToken ct) => ChainCli.WithClientAsync(r, url, async (chain, token) =>
        {
            var result = await chain.RegisterAsync(r.GetValue(hotkey)!, r.GetValue(coldkey)!, token);
            if (!result.IsOk)
            {
                return ChainCli.Refused(r, result.Error);
            }

            r.InvocationConfiguration.Output.WriteLine($"registered {r.GetValue(hotkey)} as uid {result.Value}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}

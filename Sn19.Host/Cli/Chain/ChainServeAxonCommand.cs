namespace Sn19.Host.Cli.Chain;

using System.CommandLine;

/// <summary>`sn19 chain serve-axon`: publishes where a hotkey's axon listens.</summary>
internal static class ChainServeAxonCommand
{
    public static Command Create()
    {
        var hotkey = ChainCli.HotkeyOption();
        var ip = new Option<string>("--ip") { Description = "IP address of the axon", Required = true };
        var port = new Option<int>("--port") { Description = "port of the axon (1-65535)", Required = true };
        var command = new Command("serve-axon", "Publish a registered hotkey's axon address (IP and port) in the metagraph");
        command.Options.Add(hotkey);
        command.Options.Add(ip);
        command.Options.Add(port);
        var url = ChainCli.AddClientOptions(command);
        command.SetAction((ParseResult r, CancellationToken ct) => ChainCli.WithClientAsync(r, url, async (chain, token) =>
        {
            var result = await chain.ServeAxonAsync(r.GetValue(hotkey)!, r.GetValue(ip)!, r.GetValue(port), token);
            if (!result.IsOk)
            {
                return ChainCli.Refused(r, result.Error);
            }

            r.InvocationConfiguration.Output.WriteLine($"axon of {r.GetValue(hotkey)} is {r.GetValue(ip)}:{r.GetValue(port)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}

namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using Sn19.Host.Chain;

/// <summary>`sn19 chain serve`: runs the local chain and its HTTP API until stopped.</summary>
internal static class ChainServeCommand
{
    public static Command Create()
    {
        var defaults = new ChainOptions();
        var dataDir = new Option<string>("--data-dir") { Description = "folder of chain.db (chain.data-dir)", DefaultValueFactory = _ => defaults.DataDir };
        var listen = new Option<string>("--listen") { Description = "host:port to listen on; port 0 picks a free one (chain.listen)", DefaultValueFactory = _ => defaults.Listen };
        var blockTime = new Option<string>("--block-time") { Description = "time between blocks, e.g. 1s or 250ms (chain.block-time)", DefaultValueFactory = _ => "1s" };
        var tempo = new Option<ulong?>("--tempo") { Description = "blocks between epochs (chain.subnet.tempo)" };
        var rateLimit = new Option<ulong?>("--weights-rate-limit") { Description = "blocks between set-weights of one hotkey (chain.subnet.weights-rate-limit)" };
        var command = new Command(
            "serve",
            "Run the local chain (state in SQLite under --data-dir) and serve it over HTTP/JSON. The chain does not " +
            "check signatures: anyone who can connect may act for any hotkey, so keep it on loopback.");
        command.Options.Add(dataDir);
        command.Options.Add(listen);
        command.Options.Add(blockTime);
        command.Options.Add(tempo);
        command.Options.Add(rateLimit);
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            if (!DurationText.TryParse(r.GetValue(blockTime), out var period))
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 chain serve: --block-time '{r.GetValue(blockTime)}' is not a positive duration (e.g. 1s, 250ms)");
                return ExitCodes.UsageOrInput;
            }

            var subnet = defaults.Subnet with
            {
                Tempo = r.GetValue(tempo) ?? defaults.Subnet.Tempo,
                WeightsRateLimit = r.GetValue(rateLimit) ?? defaults.Subnet.WeightsRateLimit,
            };
            var options = new ChainOptions
            {
                DataDir = r.GetValue(dataDir) ?? defaults.DataDir,
                Listen = r.GetValue(listen) ?? defaults.Listen,
                BlockTime = period,
                Subnet = subnet,
            };
            if (options.Validate() is { } problem)
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 chain serve: {problem}");
                return ExitCodes.UsageOrInput;
            }

            return await ServeAsync(r, options, ct);
        });
        return command;
    }

    private static async Task<int> ServeAsync(ParseResult r, ChainOptions options, CancellationToken ct)
    {
        // Logs go to stderr: stdout carries only the "listening on" line that scripts read.
        using var logs = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        using var chain = LocalChain.Open(options.DatabasePath, options.Netuid, options.Subnet, logs.CreateLogger("Sn19.Chain"));
        await using var app = ChainServer.Build(chain, options.Listen);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e)
        {
            r.InvocationConfiguration.Error.WriteLine($"sn19 chain serve: cannot listen on {options.Listen}: {e.Message}");
            return ExitCodes.Failure;
        }

        // The first stdout line names the bound address, so scripts and tests can use --listen 127.0.0.1:0.
        r.InvocationConfiguration.Output.WriteLine($"sn19 chain: listening on {ChainServer.BoundAddress(app)} (data {Path.GetFullPath(options.DatabasePath)}, block time {options.BlockTime.TotalMilliseconds} ms)");
        r.InvocationConfiguration.Output.Flush();
        await chain.RunAsync(options.BlockTime, TimeProvider.System, ct);
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}

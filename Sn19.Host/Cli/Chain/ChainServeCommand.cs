namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using Sn19.Host.Chain;
using Sn19.Host.Cli.Config;

/// <summary>`sn19 chain serve`: runs the local chain and its HTTP API until stopped.</summary>
internal static class ChainServeCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "folder of chain.db; default chain.data-dir" };
        var listen = new Option<string?>("--listen") { Description = "host:port to listen on, port 0 picks a free one; default chain.listen" };
        var blockTime = new Option<string?>("--block-time") { Description = "time between blocks, e.g. 1s or 250ms; default chain.block-time" };
        var tempo = new Option<ulong?>("--tempo") { Description = "blocks between epochs; default chain.subnet.tempo" };
        var rateLimit = new Option<ulong?>("--weights-rate-limit") { Description = "blocks between set-weights of one hotkey; default chain.subnet.weights-rate-limit" };
        var command = new Command(
            "serve",
            "Run the local chain (state in SQLite under --data-dir) and serve it over HTTP/JSON. Set-weights calls " +
            "must carry the hotkey's sr25519 signature; registration, axons and stake are not signed, so anyone who " +
            "can connect may act for those on any hotkey: keep it on loopback.");
        command.Options.Add(dataDir);
        command.Options.Add(listen);
        command.Options.Add(blockTime);
        command.Options.Add(tempo);
        command.Options.Add(rateLimit);
        var config = ConfigurationCliOptions.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) => config.RunAsync(r, role: null, async (c, token) =>
        {
            var configured = ChainCli.Bind(c);
            var period = configured.BlockTime;
            if (r.GetValue(blockTime) is { } text && !DurationText.TryParse(text, out period))
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 chain serve: --block-time '{text}' is not a positive duration (e.g. 1s, 250ms)");
                return ExitCodes.UsageOrInput;
            }

            var options = new ChainOptions
            {
                DataDir = r.GetValue(dataDir) ?? configured.DataDir,
                Listen = r.GetValue(listen) ?? configured.Listen,
                Url = configured.Url,
                Netuid = configured.Netuid,
                BlockTime = period,
                Subnet = configured.Subnet with
                {
                    Tempo = r.GetValue(tempo) ?? configured.Subnet.Tempo,
                    WeightsRateLimit = r.GetValue(rateLimit) ?? configured.Subnet.WeightsRateLimit,
                },
            };
            if (options.Validate() is { } problem)
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 chain serve: {problem}");
                return ExitCodes.UsageOrInput;
            }

            return await ServeAsync(r, options, token);
        }, ct));
        return command;
    }

    private static async Task<int> ServeAsync(ParseResult r, ChainOptions options, CancellationToken ct)
    {
        // Logs go to stderr: stdout carries only the "listening on" line that scripts read.
        using var logs = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        LocalChain chain;
        try
        {
            chain = LocalChain.Open(options.DatabasePath, options.Netuid, options.Subnet, logs.CreateLogger("Sn19.Chain"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            r.InvocationConfiguration.Error.WriteLine($"sn19 chain serve: cannot open {Path.GetFullPath(options.DatabasePath)}: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        using var owned = chain;
        await using var app = ChainServer.Build(chain, options.Listen);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e)
        {
            r.InvocationConfiguration.Error.WriteLine($"sn19 chain serve: cannot listen on {options.Listen}: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        // Validate() accepted it, so it parses; its host is an IP literal or localhost.
        Sn19.Actors.Wire.HostPort.TryParse(options.Listen, out var listen, out _);
        if (!string.Equals(listen.Host, "localhost", StringComparison.OrdinalIgnoreCase) && !System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(listen.Host)))
        {
            r.InvocationConfiguration.Error.WriteLine(
                $"sn19 chain serve: warning: listening on {options.Listen}, which is not loopback. The local chain checks signatures only on set-weights: anyone who can connect can register, serve axons and stake for any hotkey.");
        }

        // The first stdout line names the bound address, so scripts and tests can use --listen 127.0.0.1:0.
        r.InvocationConfiguration.Output.WriteLine($"sn19 chain: listening on {ChainServer.BoundAddress(app)} (data {Path.GetFullPath(options.DatabasePath)}, block time {options.BlockTime.TotalMilliseconds} ms)");
        r.InvocationConfiguration.Output.Flush();
        await chain.RunAsync(options.BlockTime, TimeProvider.System, ct);
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}

namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;
using System.Security.Cryptography;
using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;
using Sn19.Host.Admin;
using Sn19.Host.Cli.Ctl.Demo;

/// <summary>
/// `sn19 ctl demo-node`: a small live node (a persistent counter, tickers, a contender-like tree) with the admin
/// API, to try `sn19 ctl actors` on before the validator exists. The hidden `--counter-increments N` mode is
/// the crash-recovery test's child process: it persists N increments one by one and prints `ack SEQ` after each
/// one is durable.
/// </summary>
internal static class CtlDemoNodeCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "admin API address (admin.host)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "admin API port; 0 picks a free one (admin.port)", DefaultValueFactory = _ => AdminOptions.DefaultPort };
        var token = new Option<string?>("--token")
        {
            Description = $"admin bearer token; default {CtlCli.TokenVariable}, else a random one is printed",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(CtlCli.TokenVariable),
        };
        var dataDir = new Option<string>("--data-dir") { Description = "where the demo journal lives", DefaultValueFactory = _ => Path.Combine(".sn19", "demo-node") };
        var increments = new Option<int?>("--counter-increments") { Hidden = true, Description = "crash-test mode: persist N increments, print `ack SEQ` after each" };
        var command = new Command("demo-node", "Run a small live node with demo actors and the admin API, to try `sn19 ctl actors` on");
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(token);
        command.Options.Add(dataDir);
        command.Options.Add(increments);
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var directory = r.GetValue(dataDir)!;
            if (r.GetValue(increments) is { } count)
            {
                return count < 0 ? BadInput(r, "--counter-increments must be >= 0") : await CrashCounterMode.RunAsync(r, directory, count, ct);
            }

            var options = new AdminOptions
            {
                Host = r.GetValue(host)!,
                Port = r.GetValue(port),
                Token = r.GetValue(token) is { Length: > 0 } given ? given : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException error)
            {
                return BadInput(r, error.Message);
            }

            return await ServeAsync(r, options, directory, ct);
        });
        return command;
    }

    private static int BadInput(ParseResult r, string message)
    {
        r.InvocationConfiguration.Error.WriteLine($"sn19 ctl demo-node: {message}");
        return ExitCodes.UsageOrInput;
    }

    private static async Task<int> ServeAsync(ParseResult r, AdminOptions options, string directory, CancellationToken ct)
    {
        await using var persistence = await PersistenceRuntime.OpenAsync(
            new PersistenceOptions { Sqlite = { Path = Path.Combine(directory, "journal.db") } },
            DemoCounterActor.Register(new EventTypeRegistry()), null, null, ct);
        var system = ActorSystem.Create("demo-node");
        try
        {
            system.Spawn("demo", () => new DemoRootActor(persistence));
            AdminServer server;
            try
            {
                server = await AdminServer.StartAsync(system, options, ct);
            }
            catch (IOException error)
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 ctl demo-node: cannot listen on {options.Host}:{options.Port}: {error.Message}");
                return ExitCodes.Failure;
            }

            await using (server)
            {
                // The first stdout line names the bound address, so scripts and tests can use --port 0.
                r.InvocationConfiguration.Output.WriteLine(
                    $"sn19 ctl demo-node: admin API on {server.Address}; try: sn19 ctl actors --url {server.Address} --token {options.Token}");
                r.InvocationConfiguration.Output.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    r.InvocationConfiguration.Output.WriteLine("sn19 ctl demo-node: stopping");
                }
            }
        }
        finally
        {
            await system.ShutdownAsync(CancellationToken.None);
        }

        return ExitCodes.Ok;
    }
}

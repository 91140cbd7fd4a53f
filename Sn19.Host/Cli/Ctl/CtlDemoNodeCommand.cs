namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;
using System.Security.Cryptography;
using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;
using Sn19.Host.Admin;
using Sn19.Host.Cli.Ctl.Demo;
using Sn19.Host.Configuration;

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
        var host = new Option<string?>("--host") { Description = "admin API address; default admin.host" };
        var port = new Option<int?>("--port") { Description = "admin API port, 0 picks a free one; default admin.port" };
        var token = new Option<string?>("--token") { Description = "admin bearer token; default admin.token, else a random one is printed" };
        var dataDir = new Option<string?>("--data-dir") { Description = "where the demo journal lives; default <node.data-dir>/demo-node" };
        var increments = new Option<int?>("--counter-increments") { Hidden = true, Description = "crash-test mode: persist N increments, print `ack SEQ` after each" };
        var command = new Command("demo-node", "Run a small live node with demo actors and the admin API, to try `sn19 ctl actors` on");
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(token);
        command.Options.Add(dataDir);
        command.Options.Add(increments);
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            AdminOptions options;
            ActorSystemOptions actors;
            string directory;
            try
            {
                var configuration = Sn19ConfigurationLoader.Load(new ConfigurationRequest());
                directory = r.GetValue(dataDir) ?? Path.Combine(configuration.GetOptions<NodeOptions>(NodeOptions.Section).DataDir, "demo-node");
                (options, actors) = AdminSettings.Load();
            }
            catch (ConfigurationException error)
            {
                return BadInput(r, error.Message);
            }

            if (r.GetValue(increments) is { } count)
            {
                return count < 0 ? BadInput(r, "--counter-increments must be >= 0") : await CrashCounterMode.RunAsync(r, directory, count, ct);
            }

            options.Enabled = true;
            options.Host = r.GetValue(host) ?? options.Host;
            options.Port = r.GetValue(port) ?? options.Port;
            options.Token = r.GetValue(token) is { Length: > 0 } given ? given
                : options.Token is { Length: > 0 } configured ? configured
                : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            try
            {
                options.Validate();
                actors.Validate();
            }
            catch (ArgumentException error)
            {
                return BadInput(r, error.Message);
            }

            return await ServeAsync(r, options, actors, directory, ct);
        });
        return command;
    }

    private static int BadInput(ParseResult r, string message)
    {
        r.InvocationConfiguration.Error.WriteLine($"sn19 ctl demo-node: {message}");
        return ExitCodes.UsageOrInput;
    }

    private static async Task<int> ServeAsync(
        ParseResult r, AdminOptions options, ActorSystemOptions actors, string directory, CancellationToken ct)
    {
        await using var persistence = await PersistenceRuntime.OpenAsync(
            new PersistenceOptions { Sqlite = { Path = Path.Combine(directory, "journal.db") } },
            DemoCounterActor.Register(new EventTypeRegistry()), null, null, ct);
        var system = ActorSystem.Create("demo-node", actors);
        try
        {
            system.Spawn("demo", () => new DemoRootActor(persistence));
            AdminServer server;
            try
            {
                server = await AdminServer.StartAsync(system, options, ct);
            }
            catch (Sn19.Host.Configuration.ConfigurationException error)
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 ctl demo-node: {error.Detail}");
                return ExitCodes.UsageOrInput;
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

namespace Sn19.Host.Cli;

using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using Sn19.Host.Cli.Config;
using Sn19.Host.Cli.Signer;
using Sn19.Host.Configuration;
using Sn19.Host.Signer;

/// <summary>
/// <c>sn19 signer</c>: the only process that reads key files. It serves signing requests on a Unix socket
/// until Ctrl+C / SIGTERM. Settings come from the <c>signer</c> section (hocon/defaults/signer.conf,
/// --config, --set, SN19__signer__…); the path options below override it. <c>sn19 signer new-token</c> makes a
/// client token and its tokens-file entry; <c>sn19 signer sign-envelope</c> asks a running signer for one
/// envelope signature, as a client would.
/// </summary>
internal static class SignerCommand
{
    public static Command Create()
    {
        var socket = new Option<string?>("--socket-path") { Description = "Unix socket to listen on (created mode 0600); overrides signer.socket-path" };
        var wallets = new Option<string?>("--wallets-path") { Description = "Root of the bittensor wallets (NAME/hotkeys/HOTKEY); overrides signer.wallets-path" };
        var tokens = new Option<string?>("--tokens-file") { Description = "JSON file of clients, token hashes, hotkeys and kinds; overrides signer.tokens-file" };
        var allowShared = new Option<bool>("--allow-shared-files") { Description = "Start even when a key file is readable by group or others" };

        var command = new Command("signer", "Run the signer: the only process that reads secret keys");
        command.Options.Add(socket);
        command.Options.Add(wallets);
        command.Options.Add(tokens);
        command.Options.Add(allowShared);
        var configuration = ConfigurationCliOptions.AddTo(command);
        command.Subcommands.Add(SignerNewTokenCommand.Create());
        command.Subcommands.Add(SignerSignEnvelopeCommand.Create());
        command.SetAction((result, cancellationToken) => configuration.RunAsync(result, role: null, async (loaded, ct) =>
        {
            var error = result.InvocationConfiguration.Error;
            if (OperatingSystem.IsWindows())
            {
                await error.WriteLineAsync("sn19 signer: needs Unix domain sockets with file modes (Linux, macOS).");
                return ExitCodes.UsageOrInput;
            }

            var options = loaded.GetOptions<SignerOptions>(SignerOptions.Section);
            options.SocketPath = result.GetValue(socket) ?? options.SocketPath;
            options.WalletsPath = result.GetValue(wallets) ?? options.WalletsPath;
            options.TokensFile = result.GetValue(tokens) ?? options.TokensFile;
            options.RequirePrivateFiles &= !result.GetValue(allowShared);
            return await ServeAsync(options, error, ct);
        }, cancellationToken));
        return command;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static async Task<int> ServeAsync(SignerOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        // Every decision goes to stderr, synchronously, so an operator (or a test) sees it as it happens.
        await using var serilog = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose)
            .CreateLogger();
        using var loggers = new SerilogLoggerFactory(serilog);

        // Our own SIGTERM/SIGINT handlers, registered before the signer says it is listening:
        // System.CommandLine registers its handlers only once the action first yields, so a
        // service manager's SIGTERM right after start-up could otherwise skip the socket clean-up.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        return await SignerHost.RunAsync(options, loggers, error, stop.Token);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}

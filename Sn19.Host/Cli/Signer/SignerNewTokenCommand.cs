namespace Sn19.Host.Cli.Signer;

using System.CommandLine;
using System.Text.Json;
using Sn19.Actors.Signing;
using Sn19.Host.Signer;

/// <summary>
/// <c>sn19 signer new-token --name validator --hotkey WALLET/HOTKEY [--kind K]... [--token-file F] [--tokens-file T]</c>:
/// a fresh client token (written 0600 to --token-file, else printed once) and its entry (added to the signer's
/// tokens file, else printed). The signer keeps only the token's SHA-256.
/// </summary>
internal static class SignerNewTokenCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Client name", Required = true };
        var hotkeys = new Option<string[]>("--hotkey")
        {
            Description = "Hotkey the client may use, WALLET/HOTKEY (repeatable)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var kinds = new Option<string[]>("--kind")
        {
            Description = $"Kind the client may ask for: {SignKinds.RequestEnvelope}, {SignKinds.Weights}, {SignKinds.Extrinsic} (any call "
                + $"of the hotkey on a Subtensor chain: weights and the axon), or {SignKinds.FiberRequest} (fiber 2.x requests to Nineteen's miners) "
                + "(repeatable; default the first two)",
            DefaultValueFactory = _ => [SignKinds.RequestEnvelope, SignKinds.Weights],
            AllowMultipleArgumentsPerToken = true,
        };
        var tokenFile = new Option<string?>("--token-file") { Description = "Write the token here (mode 0600) instead of printing it" };
        var tokensFile = new Option<string?>("--tokens-file") { Description = "Add the entry to this signer tokens file (created 0600)" };

        var command = new Command("new-token", "Make a client token and its entry for the signer's tokens file");
        command.Options.Add(name);
        command.Options.Add(hotkeys);
        command.Options.Add(kinds);
        command.Options.Add(tokenFile);
        command.Options.Add(tokensFile);
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (OperatingSystem.IsWindows())
            {
                error.WriteLine("sn19 signer new-token: needs Unix file modes (Linux, macOS).");
                return ExitCodes.UsageOrInput;
            }

            var token = SignerTokens.NewToken();
            var grant = new SignerGrant
            {
                Name = result.GetValue(name)!,
                TokenSha256 = SignerTokens.Hash(token),
                Hotkeys = result.GetValue(hotkeys) ?? [],
                Kinds = result.GetValue(kinds) ?? [],
            };
            try
            {
                // The same checks the signer makes at start-up, so a bad entry fails here and not there.
                _ = new SignerPolicy([grant]);
                if (result.GetValue(tokensFile) is { } tokensPath)
                {
                    TokenFiles.AddGrant(PathExpansion.Expand(tokensPath), grant);
                }
                else
                {
                    output.WriteLine(new SignerTokensFile { Clients = [grant] }.ToJson());
                }

                if (result.GetValue(tokenFile) is { } tokenPath)
                {
                    Sn19.Actors.Persistence.PrivateFile.Replace(PathExpansion.Expand(tokenPath), token + "\n");
                }
                else
                {
                    output.WriteLine($"token: {token}");
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or JsonException
                                       or UnauthorizedAccessException)
            {
                error.WriteLine($"sn19 signer new-token: {e.Message}");
                return ExitCodes.UsageOrInput;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

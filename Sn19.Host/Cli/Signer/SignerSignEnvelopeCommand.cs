namespace Sn19.Host.Cli.Signer;

using System.CommandLine;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire;

/// <summary>
/// <c>sn19 signer sign-envelope --name CLIENT --token-file F --hotkey WALLET/HOTKEY --miner SS58 [--body-file B]</c>:
/// asks a running signer, as a client, to sign one request envelope and prints the four headers a
/// validator→miner request carries (<c>name: value</c> lines, ready for <c>curl -H @file</c>). It reads no key
/// file: an operator (or a test) uses it to check a signer and a client grant end to end.
/// </summary>
internal static class SignerSignEnvelopeCommand
{
    public static Command Create()
    {
        var miner = new Option<string>("--miner") { Description = "SS58 of the miner hotkey the request is for", Required = true };
        var bodyFile = new Option<string?>("--body-file") { Description = "The request body (default: empty)" };

        var command = new Command("sign-envelope", "Ask the signer to sign one request envelope and print its headers");
        var client = new SignerClientCliOptions(command, "Client name in the signer's tokens file");
        command.Options.Add(miner);
        command.Options.Add(bodyFile);

        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            byte[] body;
            try
            {
                body = result.GetValue(bodyFile) is { } path ? await File.ReadAllBytesAsync(path, cancellationToken) : [];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"sn19 signer sign-envelope: {e.Message}");
                return ExitCodes.UsageOrInput;
            }

            var (signer, exit) = await client.ConnectAsync(result, "sn19 signer sign-envelope", cancellationToken);
            if (signer is null)
            {
                return exit;
            }

            try
            {
                var nonce = WireNonce.Create(TimeProvider.System);
                var minerHotkey = result.GetValue(miner)!;
                var signed = await signer.SignEnvelopeAsync(new EnvelopeToSign(nonce, minerHotkey, EnvelopeMessage.HashBody(body)), cancellationToken);
                if (!signed.IsSigned)
                {
                    await error.WriteLineAsync($"sn19 signer sign-envelope: refused ({signed.Refusal}): {signed.Message}");
                    return signed.Refusal == SignRefusal.Unavailable ? ExitCodes.Failure : ExitCodes.UsageOrInput;
                }

                await output.WriteLineAsync($"{WireHeaders.ValidatorHotkey}: {signed.SignerAddress}");
                await output.WriteLineAsync($"{WireHeaders.MinerHotkey}: {minerHotkey}");
                await output.WriteLineAsync($"{WireHeaders.Nonce}: {nonce}");
                await output.WriteLineAsync($"{WireHeaders.Signature}: {SignatureHex.Format(signed.Signature.Span)}");
                return ExitCodes.Ok;
            }
            finally
            {
                await SignerClientCliOptions.DisconnectAsync(signer);
            }
        });
        return command;
    }
}

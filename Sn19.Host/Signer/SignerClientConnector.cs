namespace Sn19.Host.Signer;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Signing;

/// <summary>
/// Connects a validator or miner to its signer (<c>signer.client</c>): reads the token file, connects, and learns the
/// hotkey's address. A missing token or a refusal is a message for the user, never an exception.
/// </summary>
internal static class SignerClientConnector
{
    /// <summary>The connected signer, or the reason there is none (prefixed with <paramref name="command"/>) and its exit code.</summary>
    public static async Task<(SignerClient? Signer, string? Problem, int ExitCode)> ConnectAsync(
        IConfiguration root, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        var options = root.GetSection(SignerClientOptions.Section).Get<SignerClientOptions>() ?? new SignerClientOptions();
        var token = ReadToken(options);
        if (token is null)
        {
            return (null, $"{command}: no signer token: set signer.client.token-file (now '{options.TokenFile}') to a file holding the token `sn19 signer new-token` made",
                Cli.ExitCodes.UsageOrInput);
        }

        var (signer, outcome) = await SignerClient.ConnectAsync(options, token, cancellationToken);
        return signer is null
            ? (null, $"{command}: the signer at {options.SocketPath} refused: {outcome.Message}", Cli.ExitCodes.Failure)
            : (signer, null, Cli.ExitCodes.Ok);
    }

    private static string? ReadToken(SignerClientOptions options)
    {
        var path = options.TokenFile.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), options.TokenFile[2..])
            : options.TokenFile;
        return path.Length > 0 && File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}

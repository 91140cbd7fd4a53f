namespace Sn19.Host.Cli.Signer;

using System.Runtime.Versioning;
using Sn19.Actors.Persistence;
using Sn19.Actors.Signing;

/// <summary>Writes token material owner-only: created with mode 0600 and replaced atomically.</summary>
[UnsupportedOSPlatform("windows")]
internal static class TokenFiles
{
    public static void AddGrant(string tokensPath, SignerGrant grant)
    {
        var existing = File.Exists(tokensPath) ? SignerTokensFile.Parse(File.ReadAllText(tokensPath)) : new SignerTokensFile();
        if (existing.Clients.Any(c => c.Name == grant.Name))
        {
            throw new InvalidOperationException($"client '{grant.Name}' is already in {tokensPath}");
        }

        PrivateFile.Replace(tokensPath, new SignerTokensFile { Clients = [.. existing.Clients, grant] }.ToJson() + "\n");
    }
}

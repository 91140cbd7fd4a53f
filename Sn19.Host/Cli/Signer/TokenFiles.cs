namespace Sn19.Host.Cli.Signer;

using System.Runtime.Versioning;
using Sn19.Actors.Signing;

/// <summary>Writes token material owner-only: created with mode 0600 and replaced atomically.</summary>
[UnsupportedOSPlatform("windows")]
internal static class TokenFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WritePrivate(string path, string text)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp-" + Environment.ProcessId;
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = OwnerOnly,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void AddGrant(string tokensPath, SignerGrant grant)
    {
        var existing = File.Exists(tokensPath) ? SignerTokensFile.Parse(File.ReadAllText(tokensPath)) : new SignerTokensFile();
        if (existing.Clients.Any(c => c.Name == grant.Name))
        {
            throw new InvalidOperationException($"client '{grant.Name}' is already in {tokensPath}");
        }

        WritePrivate(tokensPath, new SignerTokensFile { Clients = [.. existing.Clients, grant] }.ToJson() + "\n");
    }
}

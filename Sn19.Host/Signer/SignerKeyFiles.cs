namespace Sn19.Host.Signer;

using System.Runtime.Versioning;
using Sn19.Actors.Crypto.Wallets;
using Sn19.Actors.Signing;

/// <summary>
/// Reads the hotkey files the policy names, and nothing else: <c>&lt;wallets&gt;/WALLET/hotkeys/HOTKEY</c>
/// through the bittensor keyfile reader (plain JSON with secretSeed or privateKey, as bittensor writes a
/// hotkey). Encrypted hotkeys are refused: the signer has no one to ask for a password. With
/// <c>requirePrivate</c> a file that group or others could read is refused too.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SignerKeyFiles
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The keyfile of <c>WALLET/HOTKEY</c>; throws for a name that is not of that form.</summary>
    public static Keyfile Locate(string walletsRoot, string hotkey)
    {
        if (hotkey.Split('/') is not [var wallet, var name] || !Wallet.IsValidName(wallet) || !Wallet.IsValidName(name))
        {
            throw new InvalidOperationException($"hotkey '{hotkey}' must be WALLET/HOTKEY (letters, digits, '-', '_', '.')");
        }

        return new Wallet(walletsRoot, wallet).Hotkey(name);
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the file for anything missing, open to others or unreadable.</summary>
    public static Dictionary<string, IMessageSigner> Load(string walletsRoot, IEnumerable<string> hotkeys, bool requirePrivate)
    {
        var keys = new Dictionary<string, IMessageSigner>(StringComparer.Ordinal);
        foreach (var hotkey in hotkeys)
        {
            var file = Locate(walletsRoot, hotkey);
            if (!file.Exists)
            {
                throw new InvalidOperationException($"hotkey file '{file.Path}' does not exist");
            }

            if (requirePrivate && (File.GetUnixFileMode(file.Path) & GroupOrOther) != 0)
            {
                throw new InvalidOperationException(
                    $"hotkey file '{file.Path}' can be read by group or others; run chmod 600 on it (or pass --allow-shared-files)");
            }

            var read = file.Read(password: null);
            if (!read.Succeeded || read.Keypair is null)
            {
                var why = read.Error == KeyfileError.PasswordRequired
                    ? "it is encrypted; the signer needs plain hotkey files (bittensor's default)"
                    : read.Succeeded ? "it holds no secret key" : read.Message;
                throw new InvalidOperationException($"hotkey file '{file.Path}' cannot be used: {why}");
            }

            keys[hotkey] = new Sr25519MessageSigner(read.Keypair);
        }

        return keys;
    }
}

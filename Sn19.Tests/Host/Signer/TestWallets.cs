namespace Sn19.Tests.Host.Signer;

using System.Runtime.Versioning;
using System.Text.Json;
using Sn19.Actors.Crypto;

/// <summary>
/// Writes a plain (unencrypted) bittensor hotkey file, <c>ROOT/WALLET/hotkeys/HOTKEY</c>, mode 0600 in 0700
/// directories, with the fields bittensor writes for a hotkey.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class TestWallets
{
    public static Sr25519Keypair WriteHotkey(string root, string wallet, string hotkey)
    {
        var pair = Sr25519Keypair.Generate();
        var directory = Path.Join(root, wallet, "hotkeys");
        const UnixFileMode ownerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(Path.Join(root, wallet), ownerDirectory);
        Directory.CreateDirectory(directory, ownerDirectory);
        var publicHex = "0x" + Convert.ToHexStringLower(pair.PublicKey);
        var json = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["accountId"] = publicHex,
            ["publicKey"] = publicHex,
            ["privateKey"] = "0x" + Convert.ToHexStringLower(pair.SecretKeyBytes()),
            ["secretPhrase"] = null,
            ["secretSeed"] = "0x" + Convert.ToHexStringLower(pair.MiniSecret),
            ["ss58Address"] = pair.Ss58Address,
        });
        using var stream = new FileStream(Path.Join(directory, hotkey), new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(json);
        return pair;
    }
}

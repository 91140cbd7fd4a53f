namespace Sn19.Actors.Crypto.Wallets;

/// <summary>
/// A bittensor wallet directory: ROOT/NAME/coldkey (encrypted), coldkeypub.txt, hotkeys/HOTKEY (plain by
/// default) and hotkeys/HOTKEYpub.txt, with the JSON and encryption bittensor's btwallet uses.
/// </summary>
public sealed class Wallet
{
    private readonly KeyfileCipher _cipher;
    private readonly ushort _prefix;

    public Wallet(string root, string name, KeyfileCipher? cipher = null, ushort prefix = Ss58.DefaultPrefix)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a usable wallet name (letters, digits, '-', '_', '.')", nameof(name));
        }

        Name = name;
        Directory = Path.Combine(root, name);
        _cipher = cipher ?? KeyfileCipher.Bittensor;
        _prefix = prefix;
    }

    public string Name { get; }

    public string Directory { get; }

    public Keyfile Coldkey => new(Path.Combine(Directory, "coldkey"), _cipher);

    public Keyfile ColdkeyPub => new(Path.Combine(Directory, "coldkeypub.txt"), _cipher);

    public Keyfile Hotkey(string hotkey) => new(Path.Combine(Directory, "hotkeys", CheckName(hotkey)), _cipher);

    public Keyfile HotkeyPub(string hotkey) => new(Path.Combine(Directory, "hotkeys", CheckName(hotkey) + "pub.txt"), _cipher);

    /// <summary>Writes coldkey (encrypted when <paramref name="password"/> is given) and coldkeypub.txt.</summary>
    public KeyfileError CreateColdkey(Sr25519Keypair pair, string? phrase, string? password, bool overwrite)
    {
        var result = Coldkey.Write(KeyfileData.FromKeypair(pair, phrase, _prefix), password, overwrite);
        return result != KeyfileError.None
            ? result
            : ColdkeyPub.Write(KeyfileData.PublicOnly(pair.PublicKey, _prefix), null, overwrite: true);
    }

    /// <summary>Writes hotkeys/HOTKEY (plain unless <paramref name="password"/> is given) and hotkeys/HOTKEYpub.txt.</summary>
    public KeyfileError CreateHotkey(string hotkey, Sr25519Keypair pair, string? phrase, string? password, bool overwrite)
    {
        if (!IsValidName(hotkey))
        {
            return KeyfileError.InvalidName;
        }

        var result = Hotkey(hotkey).Write(KeyfileData.FromKeypair(pair, phrase, _prefix), password, overwrite);
        return result != KeyfileError.None
            ? result
            : HotkeyPub(hotkey).Write(KeyfileData.PublicOnly(pair.PublicKey, _prefix), null, overwrite: true);
    }

    /// <summary>Hotkey names: files in hotkeys/ other than the *pub.txt companions.</summary>
    public IReadOnlyList<string> HotkeyNames()
    {
        var hotkeys = Path.Combine(Directory, "hotkeys");
        if (!System.IO.Directory.Exists(hotkeys))
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(hotkeys)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.EndsWith("pub.txt", StringComparison.Ordinal) && !n.Contains(".tmp-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static bool IsValidName(string name) =>
        !string.IsNullOrEmpty(name) && name != "." && name != ".." && name.Length <= 128
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string CheckName(string name) =>
        IsValidName(name) ? name : throw new ArgumentException($"'{name}' is not a usable hotkey name", nameof(name));
}

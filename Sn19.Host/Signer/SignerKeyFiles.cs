namespace Sn19.Host.Signer;

using System.Runtime.Versioning;
using System.Text.Json;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;

/// <summary>
/// Reads the hotkey files the policy names, and nothing else: <c>&lt;wallets&gt;/WALLET/hotkeys/HOTKEY</c>, JSON with
/// <c>secretSeed</c> (0x + 64 hex, the 32-byte mini secret; checking-and-fiber.md §B.1) or else <c>privateKey</c>
/// (0x + 128 hex, the 64-byte schnorrkel secret), as bittensor writes them.
/// With <c>requirePrivate</c> a file readable by group or others is refused.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SignerKeyFiles
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static string PathOf(string walletsRoot, string hotkey)
    {
        var parts = hotkey.Split('/');
        if (parts is not [{ Length: > 0 } wallet, { Length: > 0 } name]
            || parts.Any(p => p is "." or ".." || p.Contains('\\', StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"hotkey '{hotkey}' must be WALLET/HOTKEY");
        }

        return Path.Join(walletsRoot, wallet, "hotkeys", name);
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the file for anything missing, open to others or malformed.</summary>
    public static Dictionary<string, IMessageSigner> Load(string walletsRoot, IEnumerable<string> hotkeys, bool requirePrivate)
    {
        var keys = new Dictionary<string, IMessageSigner>(StringComparer.Ordinal);
        foreach (var hotkey in hotkeys)
        {
            var path = PathOf(walletsRoot, hotkey);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"hotkey file '{path}' does not exist");
            }

            if (requirePrivate && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
            {
                throw new InvalidOperationException(
                    $"hotkey file '{path}' can be read by group or others; run chmod 600 on it (or set signer.require-private-files = false)");
            }

            keys[hotkey] = new Sr25519MessageSigner(ReadKeypair(path));
        }

        return keys;
    }

    private static Sr25519Keypair ReadKeypair(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (HexField(root, "secretSeed", 32) is { } seed)
            {
                return Sr25519Keypair.FromMiniSecret(seed);
            }

            if (HexField(root, "privateKey", 64) is { } secret)
            {
                return Sr25519Keypair.FromSecretKey(secret);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"hotkey file '{path}' is not a plain bittensor keyfile: {e.Message}", e);
        }

        throw new InvalidOperationException(
            $"hotkey file '{path}' has neither secretSeed (0x + 64 hex) nor privateKey (0x + 128 hex); encrypted hotkeys are not supported");
    }

    private static byte[]? HexField(JsonElement root, string name, int bytes) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(name, out var field)
        && field.ValueKind == JsonValueKind.String
        && field.GetString() is { } text
        && text.Length == 2 + (2 * bytes)
        && text.StartsWith("0x", StringComparison.Ordinal)
            ? Convert.FromHexString(text.AsSpan(2))
            : null;
}

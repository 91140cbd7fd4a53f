namespace Sn19.Host.Signer;

using System.Runtime.Versioning;
using System.Text.Json;
using Sn19.Actors.Signing;

/// <summary>
/// Reads the hotkey files the policy names, and nothing else: <c>&lt;wallets&gt;/WALLET/hotkeys/HOTKEY</c>, JSON with
/// <c>secretSeed</c> (0x + 64 hex, the 32-byte mini secret, as bittensor writes it; checking-and-fiber.md §B.1).
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
    public static Dictionary<string, IMessageSigner> Load(
        string walletsRoot, IEnumerable<string> hotkeys, bool requirePrivate, Func<byte[], IMessageSigner> fromMiniSecret)
    {
        ArgumentNullException.ThrowIfNull(fromMiniSecret);
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

            keys[hotkey] = fromMiniSecret(ReadSecretSeed(path));
        }

        return keys;
    }

    private static byte[] ReadSecretSeed(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.TryGetProperty("secretSeed", out var seed) && seed.GetString() is { } text
                && text.StartsWith("0x", StringComparison.Ordinal) && text.Length == 66)
            {
                return Convert.FromHexString(text.AsSpan(2));
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"hotkey file '{path}' is not a bittensor keyfile: {e.Message}", e);
        }

        throw new InvalidOperationException($"hotkey file '{path}' has no secretSeed of 0x + 64 hex digits");
    }
}

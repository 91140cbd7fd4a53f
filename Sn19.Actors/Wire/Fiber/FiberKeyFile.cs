namespace Sn19.Actors.Wire.Fiber;

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

/// <summary>
/// A fiber miner's symmetric-key file (<c>HOTKEY_symmetric_keys.encrypted</c>, written by fiber at shutdown): a Fernet
/// token over JSON <c>{validator hotkey: {key uuid: {key: base64url, expiration_time: ISO-8601}}}</c>, encrypted with the
/// storage key: <c>STORAGE_ENCRYPTION_KEY</c>, else fiber's default derivation (<see cref="DefaultStorageKey"/>).
/// </summary>
public static class FiberKeyFile
{
    /// <summary>fiber's default storage key: base64url(PBKDF2-HMAC-SHA256("default_encryption", salt "salt_", 100 000
    /// iterations, 32 bytes)). Anyone can derive it: a file under the default key is obfuscated, not protected.</summary>
    public static string DefaultStorageKey { get; } = Base64Url.Encode(
        Rfc2898DeriveBytes.Pbkdf2("default_encryption"u8, "salt_"u8, 100_000, HashAlgorithmName.SHA256, 32));

    /// <summary>The file's text for <paramref name="keys"/>, in fiber's layout (expiry as a naive ISO-8601 time, UTC here),
    /// so a fiber miner could read it too.</summary>
    public static string Write(IEnumerable<FiberStoredKey> keys, string storageKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var layout = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!layout.TryGetValue(key.ValidatorHotkey, out var byUuid))
            {
                layout[key.ValidatorHotkey] = byUuid = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            }

            byUuid[key.KeyUuid] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["key"] = Base64Url.Encode(key.Key),
                ["expiration_time"] = key.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            };
        }

        return Fernet.FromKey(storageKey).Encrypt(JsonSerializer.SerializeToUtf8Bytes(layout), now);
    }

    /// <summary>Every key in the file's text.</summary>
    /// <exception cref="FernetException">the file was not written with <paramref name="storageKey"/>.</exception>
    /// <exception cref="InvalidDataException">it decrypts, but not to fiber's layout.</exception>
    public static IReadOnlyList<FiberStoredKey> Read(string fileText, string storageKey)
    {
        var json = Fernet.FromKey(storageKey).Decrypt(fileText.Trim(), DateTimeOffset.UtcNow);
        var keys = new List<FiberStoredKey>();
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var validator in document.RootElement.EnumerateObject())
            {
                foreach (var entry in validator.Value.EnumerateObject())
                {
                    var key = Base64Url.TryDecode(entry.Value.GetProperty("key").GetString() ?? "");
                    var expires = entry.Value.GetProperty("expiration_time").GetString();
                    if (key is not { Length: 32 } || !DateTime.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                    {
                        throw new InvalidDataException($"the key {entry.Name} of {validator.Name} is not 32 bytes of base64url with an ISO-8601 expiry");
                    }

                    keys.Add(new FiberStoredKey(validator.Name, entry.Name, key, at));
                }
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException($"the key file decrypts, but not to fiber's layout: {error.Message}", error);
        }

        return keys;
    }
}

namespace Sn19.Actors.Organic;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// An API key's secret: <c>sn19-KEYID-RANDOM</c>. The key id names the key's ledger entity, so a request
/// finds its ledger without an index; the whole secret is stored only as its SHA-256, so a leaked journal
/// reveals no key. 32 random bytes make guessing pointless.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "sn19-";

    /// <summary>A new key id (16 hex digits) and its secret.</summary>
    public static (string KeyId, string Secret) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, Prefix + id + "-" + random);
    }

    /// <summary>The key id inside <paramref name="secret"/>, or null when it is not shaped like one of ours.</summary>
    public static string? KeyIdOf(ReadOnlySpan<char> secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length < Prefix.Length + 18 || secret.Length > 128)
        {
            return null;
        }

        var id = secret.Slice(Prefix.Length, 16);
        if (secret[Prefix.Length + 16] != '-')
        {
            return null;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        return id.ToString();
    }

    /// <summary>What the ledger stores and compares: the secret's SHA-256 in hex.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a key id is shaped as <see cref="Create"/> makes them (the admin API takes ids from users).</summary>
    public static bool IsKeyId(string? id) => id is { Length: 16 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

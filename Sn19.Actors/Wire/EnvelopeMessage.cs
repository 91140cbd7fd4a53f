namespace Sn19.Actors.Wire;

using System.Security.Cryptography;

/// <summary>
/// The text a validator signs for one request: <c>&lt;nonce&gt;.&lt;validator ss58&gt;.&lt;miner ss58&gt;.&lt;sha256 hex of body&gt;</c>,
/// UTF-8 encoded. Unlike fiber 2.x (<c>nonce:miner:sha256</c>) it names the validator too, so a signature
/// cannot be presented under another validator's header. None of the four fields can contain a <c>.</c>,
/// so the text splits back into exactly the fields that were signed.
/// </summary>
public static class EnvelopeMessage
{
    public const int Sha256HexLength = 64;

    public static string Compose(string nonce, string validatorHotkey, string minerHotkey, string bodySha256Hex) =>
        string.Concat(nonce, ".", validatorHotkey, ".", minerHotkey, ".", bodySha256Hex);

    /// <summary>Lowercase hex SHA-256 of the raw body bytes (empty body included).</summary>
    public static string HashBody(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>True for exactly 64 lowercase hex digits.</summary>
    public static bool IsSha256Hex(ReadOnlySpan<char> text)
    {
        if (text.Length != Sha256HexLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}

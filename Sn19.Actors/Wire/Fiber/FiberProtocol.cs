namespace Sn19.Actors.Wire.Fiber;

/// <summary>
/// The names of fiber 2.x's encrypted flavour (checking-and-fiber.md §B.2.2, nineteen-mechanism.md §1.6): the handshake
/// paths, the header that names the symmetric key, and the signed text <c>{nonce}:{miner hotkey}:{symmetric key uuid}</c>.
/// The other headers (validator-hotkey, miner-hotkey, nonce, signature) are Sn19's own wire names, which are fiber's.
/// </summary>
public static class FiberProtocol
{
    public const string PublicKeyPath = "/public-encryption-key";

    public const string ExchangeKeyPath = "/exchange-symmetric-key";

    public const string SymmetricKeyUuidHeader = "symmetric-key-uuid";

    /// <summary>How long a miner keeps a validator's symmetric key (fiber: 5 h).</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(5);

    /// <summary>Nineteen's miner paths for each operation, without Sn19's <c>/v1</c> prefix.</summary>
    public const string CapacityPath = "/capacity";
    public const string ChatPath = "/chat/completions";
    public const string CompletionPath = "/completions";

    /// <summary>The largest Fernet token of a body up to <paramref name="plainBytes"/>: base64 of version, time, IV, the
    /// padded ciphertext and HMAC, about 4/3 of the body plus 100 bytes.</summary>
    public static long EncryptedSize(long plainBytes) => ((1 + 8 + 16 + plainBytes + 16 + 32 + 2) / 3 * 4) + 4;

    /// <summary>The text the validator signs for a fiber request: the uuid is 64 hex digits, like a body hash.</summary>
    public static string SignedText(string nonce, string minerHotkey, string symmetricKeyUuid) =>
        string.Concat(nonce, ":", minerHotkey, ":", symmetricKeyUuid);
}

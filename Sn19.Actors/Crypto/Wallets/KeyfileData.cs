namespace Sn19.Actors.Crypto.Wallets;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// A bittensor keyfile's JSON (btwallet <c>serialized_keypair_to_keyfile_data</c>): 0x-hex accountId and
/// publicKey (the same 32 bytes), privateKey (64-byte schnorrkel scalar ‖ nonce), secretPhrase,
/// secretSeed (0x-hex mini secret) and ss58Address. Absent values are written as null, as the Python
/// SDK wrote them; btwallet reads both forms.
/// </summary>
public sealed record KeyfileData(
    [property: JsonPropertyName("accountId")] string? AccountId,
    [property: JsonPropertyName("publicKey")] string? PublicKey,
    [property: JsonPropertyName("privateKey")] string? PrivateKey,
    [property: JsonPropertyName("secretPhrase")] string? SecretPhrase,
    [property: JsonPropertyName("secretSeed")] string? SecretSeed,
    [property: JsonPropertyName("ss58Address")] string? Ss58Address)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The full secret form (coldkey, hotkey). <paramref name="phrase"/> is kept when the key came from one.</summary>
    public static KeyfileData FromKeypair(Sr25519Keypair pair, string? phrase, ushort prefix = Ss58.DefaultPrefix)
    {
        var publicHex = "0x" + Convert.ToHexStringLower(pair.PublicKey);
        return new KeyfileData(
            publicHex,
            publicHex,
            "0x" + Convert.ToHexStringLower(pair.SecretKeyBytes()),
            phrase,
            pair.HasMiniSecret ? "0x" + Convert.ToHexStringLower(pair.MiniSecret) : null,
            Ss58.Encode(pair.PublicKey, prefix));
    }

    /// <summary>The public form (coldkeypub.txt, hotkeys/NAMEpub.txt).</summary>
    public static KeyfileData PublicOnly(ReadOnlySpan<byte> publicKey, ushort prefix = Ss58.DefaultPrefix)
    {
        var publicHex = "0x" + Convert.ToHexStringLower(publicKey);
        return new KeyfileData(publicHex, publicHex, null, null, null, Ss58.Encode(publicKey, prefix));
    }

    /// <summary>Never prints the secrets (a record's generated ToString would): public fields only.</summary>
    public override string ToString() => $"KeyfileData {{ Ss58Address = {Ss58Address}, HasSecret = {HasSecret} }}";

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Parses keyfile JSON; null when it is not a JSON object of strings and nulls.</summary>
    public static KeyfileData? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<KeyfileData>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [JsonIgnore]
    public bool HasSecret => SecretPhrase is not null || SecretSeed is not null || PrivateKey is not null;

    /// <summary>
    /// The key pair, in btwallet's order of preference: secretPhrase, then secretSeed, then privateKey.
    /// Throws <see cref="FormatException"/> when none is usable.
    /// </summary>
    public Sr25519Keypair ToKeypair()
    {
        if (SecretPhrase is not null)
        {
            return Sr25519Keypair.FromPhrase(SecretPhrase);
        }

        if (SecretSeed is not null)
        {
            return Sr25519Keypair.FromMiniSecret(HexField(SecretSeed, 32, "secretSeed"));
        }

        if (PrivateKey is not null)
        {
            // Like sp-core's from_seed_slice: 32 bytes are a mini secret, 64 bytes scalar ‖ nonce.
            var hex = PrivateKey.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? PrivateKey[2..] : PrivateKey;
            return hex.Length == 64
                ? Sr25519Keypair.FromMiniSecret(HexField(PrivateKey, 32, "privateKey"))
                : Sr25519Keypair.FromSecretKey(HexField(PrivateKey, 64, "privateKey"));
        }

        throw new FormatException("the keyfile holds no secretPhrase, secretSeed or privateKey");
    }

    /// <summary>The public key: from publicKey/accountId, else decoded from ss58Address.</summary>
    public byte[] PublicKeyBytes()
    {
        if ((PublicKey ?? AccountId) is { } hex)
        {
            return HexField(hex, 32, "publicKey");
        }

        if (Ss58Address is not null && Ss58.TryDecode(Ss58Address, out var key, out _))
        {
            return key;
        }

        throw new FormatException("the keyfile holds neither a publicKey nor a valid ss58Address");
    }

    private static byte[] HexField(string value, int length, string field)
    {
        var hex = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"{field} is not hex");
        }

        return bytes.Length == length ? bytes : throw new FormatException($"{field} must be {length} bytes, not {bytes.Length}");
    }
}

namespace Sn19.Actors.Crypto;

using System.Security.Cryptography;
using Sn19.Actors.Crypto.Bip39;
using Sn19.Actors.Crypto.Schnorrkel;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// An sr25519 key pair exactly as Substrate and Bittensor make it: schnorrkel 0.11 keys expanded from a
/// 32-byte mini secret in Ed25519 mode, signatures in the "substrate" signing context, derivation by
/// Substrate's hard and soft junctions. Signatures are randomised: verify them, never compare bytes.
/// </summary>
public sealed class Sr25519Keypair
{
    private readonly Sr25519SecretKey _secret;
    private readonly byte[]? _seed;

    private Sr25519Keypair(Sr25519SecretKey secret, byte[]? seed)
    {
        _secret = secret;
        _seed = seed;
        Ss58Address = Ss58.Encode(secret.PublicKey);
    }

    /// <summary>The 32-byte public key (= the AccountId32).</summary>
    public ReadOnlySpan<byte> PublicKey => _secret.PublicKey;

    /// <summary>The SS58 address with prefix 42.</summary>
    public string Ss58Address { get; }

    /// <summary>The mini secret this pair was expanded from, when known (null after a soft junction).</summary>
    public ReadOnlySpan<byte> MiniSecret => _seed;

    public bool HasMiniSecret => _seed is not null;

    public byte[] PublicKeyBytes() => [.. _secret.PublicKey];

    /// <summary>The 64-byte schnorrkel secret (scalar ‖ nonce), bittensor's <c>privateKey</c>.</summary>
    public byte[] SecretKeyBytes() => _secret.ToBytes();

    /// <summary>A 64-byte schnorrkel signature over <paramref name="message"/> (context "substrate").</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Sign(message, SodiumRandom.Fill);

    internal byte[] Sign(ReadOnlySpan<byte> message, Action<Span<byte>> fillRandom)
    {
        var t = SigningContext.ForMessage(SigningContext.Substrate, message);
        var signature = _secret.Sign(t, fillRandom);
        t.Clear();
        return signature;
    }

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Sr25519.Verify(_secret.PublicKey, message, signature);

    public static Sr25519Keypair FromMiniSecret(ReadOnlySpan<byte> seed32) =>
        new(Sr25519SecretKey.FromMiniSecret(seed32), seed32.ToArray());

    /// <summary>From a 64-byte schnorrkel secret (scalar ‖ nonce), as in a bittensor keyfile's privateKey.</summary>
    public static Sr25519Keypair FromSecretKey(ReadOnlySpan<byte> secret64) =>
        new(Sr25519SecretKey.FromBytes(secret64)
            ?? throw new FormatException("not a 64-byte sr25519 secret key with a reduced scalar"), null);

    /// <summary>A fresh pair from a random mini secret (libsodium CSPRNG).</summary>
    public static Sr25519Keypair Generate()
    {
        var seed = SodiumRandom.Bytes(32);
        try
        {
            return FromMiniSecret(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>From a BIP-0039 phrase with an optional passphrase (no derivation path).</summary>
    public static Sr25519Keypair FromPhrase(string phrase, string? password = null)
    {
        var seed = Bip39Mnemonic.ToMiniSecret(phrase, password);
        try
        {
            return FromMiniSecret(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// From a secret URI such as <c>"PHRASE//Alice/soft"</c>, <c>"0x&lt;64 hex&gt;//hard"</c>, <c>"//Alice"</c>
    /// (development phrase) or <c>"PHRASE///password"</c>. <paramref name="password"/> overrides a URI password;
    /// with a hex seed the password is ignored, as in sp-core. Throws <see cref="FormatException"/> with the reason.
    /// </summary>
    public static Sr25519Keypair FromSecretUri(string uri, string? password = null) =>
        FromSecretUri(uri, password, SodiumRandom.Fill);

    internal static Sr25519Keypair FromSecretUri(string uri, string? password, Action<Span<byte>> fillRandom)
    {
        if (!SecretUri.TryParse(uri, out var parsed) || parsed is null)
        {
            throw new FormatException("not a secret URI: expected PHRASE or 0xSEED, then //hard and /soft junctions, then ///password");
        }

        byte[] seed;
        if (parsed.Phrase.StartsWith("0x", StringComparison.Ordinal))
        {
            seed = TryHex(parsed.Phrase[2..]) is { Length: 32 } bytes
                ? bytes
                : throw new FormatException("a hex seed must be 0x followed by 64 hex digits (32 bytes)");
        }
        else
        {
            seed = Bip39Mnemonic.ToMiniSecret(parsed.Phrase, password ?? parsed.Password);
        }

        var secret = Sr25519SecretKey.FromMiniSecret(seed);
        byte[]? currentSeed = seed;
        foreach (var junction in parsed.Junctions)
        {
            if (junction.IsHard)
            {
                var child = secret.HardDeriveMiniSecret(junction.ChainCode);
                secret = Sr25519SecretKey.FromMiniSecret(child);
                currentSeed = currentSeed is null ? null : child;
            }
            else
            {
                secret = secret.SoftDerive(junction.ChainCode, fillRandom);
                currentSeed = null;
            }
        }

        return new Sr25519Keypair(secret, currentSeed);
    }

    /// <summary>Soft-derives a public key (anyone can, without the secret); null for an invalid key.</summary>
    public static byte[]? DerivePublicSoft(ReadOnlySpan<byte> publicKey, DeriveJunction junction) =>
        junction.IsHard ? throw new ArgumentException("hard junctions need the secret key", nameof(junction))
            : SoftDerivation.DerivePublic(publicKey, junction.ChainCode);

    private static byte[]? TryHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

namespace Sn19.Actors.Crypto.Sodium;

using NSec.Cryptography;

/// <summary>Ed25519 through NSec: 32-byte seeds and public keys, 64-byte signatures.</summary>
public static class Ed25519
{
    public const int SeedLength = 32;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    public static byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed)
    {
        using var key = Import(seed);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        using var key = Import(seed);
        return Algorithm.Sign(key, message);
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        publicKey.Length == PublicKeyLength && signature.Length == SignatureLength
        && PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && Algorithm.Verify(key!, message, signature);

    private static Key Import(ReadOnlySpan<byte> seed) => seed.Length == SeedLength
        ? Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey)
        : throw new ArgumentException($"an Ed25519 seed is {SeedLength} bytes", nameof(seed));
}

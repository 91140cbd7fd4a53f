namespace Sn19.Actors.Crypto.Sodium;

/// <summary>Ed25519 over libsodium: 32-byte seeds and public keys, 64-byte signatures.</summary>
public static class Ed25519
{
    public const int SeedLength = 32;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    // libsodium's secret key is seed ‖ public key.
    private const int ExpandedSecretLength = 64;

    public static unsafe byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed)
    {
        var publicKey = new byte[PublicKeyLength];
        Span<byte> secret = stackalloc byte[ExpandedSecretLength];
        Expand(seed, publicKey, secret);
        secret.Clear();
        return publicKey;
    }

    public static unsafe byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        Span<byte> publicKey = stackalloc byte[PublicKeyLength];
        Span<byte> secret = stackalloc byte[ExpandedSecretLength];
        Expand(seed, publicKey, secret);
        var signature = new byte[SignatureLength];
        try
        {
            fixed (byte* sig = signature)
            fixed (byte* m = message)
            fixed (byte* sk = secret)
            {
                if (SodiumNative.SignDetached(sig, null, m, (ulong)message.Length, sk) != 0)
                {
                    throw new InvalidOperationException("crypto_sign_detached failed");
                }
            }
        }
        finally
        {
            secret.Clear();
        }

        return signature;
    }

    public static unsafe bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        SodiumLibrary.EnsureInitialized();
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* pk = publicKey)
        {
            return SodiumNative.SignVerifyDetached(sig, m, (ulong)message.Length, pk) == 0;
        }
    }

    private static unsafe void Expand(ReadOnlySpan<byte> seed, Span<byte> publicKey, Span<byte> secret)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"an Ed25519 seed is {SeedLength} bytes", nameof(seed));
        }

        SodiumLibrary.EnsureInitialized();
        fixed (byte* pk = publicKey)
        fixed (byte* sk = secret)
        fixed (byte* s = seed)
        {
            if (SodiumNative.SignSeedKeypair(pk, sk, s) != 0)
            {
                throw new InvalidOperationException("crypto_sign_seed_keypair failed");
            }
        }
    }
}

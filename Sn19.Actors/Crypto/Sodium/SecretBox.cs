namespace Sn19.Actors.Crypto.Sodium;

/// <summary>NaCl secretbox (XSalsa20-Poly1305), libsodium's "easy" layout: 16-byte MAC ‖ ciphertext.</summary>
internal static class SecretBox
{
    public const int KeyLength = 32;
    public const int NonceLength = 24;
    public const int MacLength = 16;

    public static unsafe byte[] Seal(ReadOnlySpan<byte> message, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        CheckKeyAndNonce(nonce, key);
        var cipher = new byte[message.Length + MacLength];
        SodiumLibrary.EnsureInitialized();
        fixed (byte* c = cipher)
        fixed (byte* m = message)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            if (SodiumNative.SecretBoxEasy(c, m, (ulong)message.Length, n, k) != 0)
            {
                throw new InvalidOperationException("crypto_secretbox_easy failed");
            }
        }

        return cipher;
    }

    /// <summary>Opens a box; null when the MAC does not verify (wrong key or tampered data).</summary>
    public static unsafe byte[]? Open(ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        CheckKeyAndNonce(nonce, key);
        if (cipher.Length < MacLength)
        {
            return null;
        }

        var message = new byte[cipher.Length - MacLength];
        SodiumLibrary.EnsureInitialized();
        fixed (byte* m = message)
        fixed (byte* c = cipher)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            return SodiumNative.SecretBoxOpenEasy(m, c, (ulong)cipher.Length, n, k) == 0 ? message : null;
        }
    }

    private static void CheckKeyAndNonce(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        if (nonce.Length != NonceLength || key.Length != KeyLength)
        {
            throw new ArgumentException($"secretbox needs a {NonceLength}-byte nonce and a {KeyLength}-byte key");
        }
    }
}

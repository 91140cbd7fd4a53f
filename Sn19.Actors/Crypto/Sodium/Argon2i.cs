namespace Sn19.Actors.Crypto.Sodium;

/// <summary>Argon2i version 1.3 (libsodium <c>crypto_pwhash</c> with <c>crypto_pwhash_ALG_ARGON2I13</c>).</summary>
internal static class Argon2i
{
    public const int SaltLength = 16;

    private const int AlgorithmArgon2i13 = 1;

    /// <summary>libsodium's "sensitive" operation limit for argon2i: 8 passes.</summary>
    public static ulong OpsLimitSensitive
    {
        get
        {
            SodiumLibrary.EnsureInitialized();
            return SodiumNative.Argon2iOpsLimitSensitive();
        }
    }

    /// <summary>libsodium's "sensitive" memory limit for argon2i: 512 MiB.</summary>
    public static ulong MemLimitSensitive
    {
        get
        {
            SodiumLibrary.EnsureInitialized();
            return SodiumNative.Argon2iMemLimitSensitive();
        }
    }

    public static unsafe byte[] DeriveKey(
        ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int keyLength, ulong opsLimit, ulong memLimit)
    {
        if (salt.Length != SaltLength)
        {
            throw new ArgumentException($"argon2i salt must be {SaltLength} bytes", nameof(salt));
        }

        var key = new byte[keyLength];
        SodiumLibrary.EnsureInitialized();
        fixed (byte* k = key)
        fixed (byte* p = password)
        fixed (byte* s = salt)
        {
            var status = SodiumNative.PwHash(
                k, (ulong)keyLength, p, (ulong)password.Length, s, opsLimit, (nuint)memLimit, AlgorithmArgon2i13);
            if (status != 0)
            {
                throw new InvalidOperationException(
                    $"crypto_pwhash (argon2i, ops {opsLimit}, mem {memLimit} bytes) failed: out of memory or bad limits");
            }
        }

        return key;
    }
}

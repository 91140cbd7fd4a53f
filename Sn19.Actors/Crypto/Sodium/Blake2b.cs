namespace Sn19.Actors.Crypto.Sodium;

/// <summary>BLAKE2b (libsodium <c>crypto_generichash</c>), 1 to 64 output bytes, optional key of up to 64 bytes.</summary>
public static class Blake2b
{
    public static byte[] Hash(ReadOnlySpan<byte> input, int outputLength = 32, ReadOnlySpan<byte> key = default)
    {
        var output = new byte[outputLength];
        Hash(output, input, key);
        return output;
    }

    public static unsafe void Hash(Span<byte> output, ReadOnlySpan<byte> input, ReadOnlySpan<byte> key = default)
    {
        if (output.Length is < 16 or > 64)
        {
            throw new ArgumentException("BLAKE2b output must be 16..64 bytes", nameof(output));
        }

        if (key.Length > 64)
        {
            throw new ArgumentException("BLAKE2b key must be at most 64 bytes", nameof(key));
        }

        SodiumLibrary.EnsureInitialized();
        fixed (byte* o = output)
        fixed (byte* i = input)
        fixed (byte* k = key)
        {
            if (SodiumNative.GenericHash(o, (nuint)output.Length, i, (ulong)input.Length, k, (nuint)key.Length) != 0)
            {
                throw new InvalidOperationException("crypto_generichash failed");
            }
        }
    }
}

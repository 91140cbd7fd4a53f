namespace Sn19.Actors.Crypto.Sodium;

/// <summary>BLAKE2b, unkeyed, 16 to 64 output bytes: SS58 checksums and junction chain codes use 32 and 64, Substrate's
/// Blake2_128 storage hashers 16 (libsodium's crypto_generichash, of which NSec exposes 32 to 64).</summary>
public static class Blake2b
{
    public static byte[] Hash(ReadOnlySpan<byte> input, int outputLength = 32)
    {
        var output = new byte[outputLength];
        Hash(output, input);
        return output;
    }

    public static unsafe void Hash(Span<byte> output, ReadOnlySpan<byte> input)
    {
        if (output.Length is < 16 or > 64)
        {
            throw new ArgumentException("BLAKE2b output must be 16..64 bytes", nameof(output));
        }

        if (output.Length >= 32)
        {
            new NSec.Cryptography.Blake2b(output.Length).Hash(input, output);
            return;
        }

        SodiumLibrary.EnsureInitialized();
        fixed (byte* o = output)
        fixed (byte* i = input)
        {
            if (SodiumNative.GenericHash(o, (nuint)output.Length, i, (ulong)input.Length, null, 0) != 0)
            {
                throw new InvalidOperationException("crypto_generichash failed");
            }
        }
    }
}

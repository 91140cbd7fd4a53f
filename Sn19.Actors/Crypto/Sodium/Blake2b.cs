namespace Sn19.Actors.Crypto.Sodium;

/// <summary>BLAKE2b, unkeyed, 32 to 64 output bytes (NSec's; SS58 checksums and junction chain codes use it).</summary>
public static class Blake2b
{
    public static byte[] Hash(ReadOnlySpan<byte> input, int outputLength = 32)
    {
        var output = new byte[outputLength];
        Hash(output, input);
        return output;
    }

    public static void Hash(Span<byte> output, ReadOnlySpan<byte> input)
    {
        if (output.Length is < 32 or > 64)
        {
            throw new ArgumentException("BLAKE2b output must be 32..64 bytes", nameof(output));
        }

        new NSec.Cryptography.Blake2b(output.Length).Hash(input, output);
    }
}

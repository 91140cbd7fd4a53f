namespace Sn19.Actors.Crypto.Sodium;

/// <summary>Cryptographically secure random bytes from libsodium (getrandom(2) on Linux).</summary>
internal static class SodiumRandom
{
    public static unsafe void Fill(Span<byte> buffer)
    {
        SodiumLibrary.EnsureInitialized();
        fixed (byte* b = buffer)
        {
            SodiumNative.RandomBytesBuf(b, (nuint)buffer.Length);
        }
    }

    public static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        Fill(bytes);
        return bytes;
    }
}

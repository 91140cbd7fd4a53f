namespace Sn19.Actors.Crypto;

using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// SS58 addresses: base58(prefix ‖ public key ‖ first 2 bytes of BLAKE2b-512("SS58PRE" ‖ prefix ‖ public key)).
/// Prefixes 0..63 take one byte; 64..16383 take two bytes in Substrate's packed form.
/// </summary>
public static class Ss58
{
    /// <summary>The generic Substrate prefix, used by Bittensor (addresses start with '5').</summary>
    public const ushort DefaultPrefix = 42;

    private const int KeyLength = 32;
    private const int ChecksumLength = 2;
    private const ushort MaxPrefix = 16383;

    public static string Encode(ReadOnlySpan<byte> publicKey, ushort prefix = DefaultPrefix)
    {
        if (publicKey.Length != KeyLength)
        {
            throw new ArgumentException($"an SS58 account key is {KeyLength} bytes", nameof(publicKey));
        }

        if (prefix > MaxPrefix)
        {
            throw new ArgumentOutOfRangeException(nameof(prefix), prefix, $"SS58 prefixes are 0..{MaxPrefix}");
        }

        var prefixBytes = PrefixBytes(prefix);
        var payload = new byte[prefixBytes.Length + KeyLength + ChecksumLength];
        prefixBytes.CopyTo(payload, 0);
        publicKey.CopyTo(payload.AsSpan(prefixBytes.Length));
        Checksum(payload.AsSpan(0, prefixBytes.Length + KeyLength)).CopyTo(payload.AsSpan(prefixBytes.Length + KeyLength));
        return Base58.Encode(payload);
    }

    /// <summary>Decodes an address with a 32-byte account key; false for bad base58, length, prefix or checksum.</summary>
    public static bool TryDecode(string address, out byte[] publicKey, out ushort prefix)
    {
        publicKey = [];
        prefix = 0;
        if (string.IsNullOrEmpty(address) || !Base58.TryDecode(address, out var data) || data.Length < 1)
        {
            return false;
        }

        int prefixLength;
        if (data[0] < 64)
        {
            prefixLength = 1;
            prefix = data[0];
        }
        else if (data[0] < 128 && data.Length >= 2)
        {
            // Two-byte form: the lower 6 bits of byte 0 hold prefix bits 2..7, byte 1 holds bits 0..1 and 8..13.
            prefixLength = 2;
            var lower = ((data[0] << 2) | (data[1] >> 6)) & 0xff;
            var upper = data[1] & 0x3f;
            prefix = (ushort)(lower | (upper << 8));
        }
        else
        {
            return false;
        }

        if (data.Length != prefixLength + KeyLength + ChecksumLength)
        {
            return false;
        }

        var checksum = Checksum(data.AsSpan(0, prefixLength + KeyLength));
        if (!checksum.AsSpan().SequenceEqual(data.AsSpan(prefixLength + KeyLength)))
        {
            return false;
        }

        publicKey = data.AsSpan(prefixLength, KeyLength).ToArray();
        return true;
    }

    private static byte[] PrefixBytes(ushort prefix)
    {
        if (prefix < 64)
        {
            return [(byte)prefix];
        }

        var first = (byte)(((prefix & 0b0000_0000_1111_1100) >> 2) | 0b0100_0000);
        var second = (byte)((prefix >> 8) | ((prefix & 0b0000_0000_0000_0011) << 6));
        return [first, second];
    }

    private static byte[] Checksum(ReadOnlySpan<byte> prefixAndKey)
    {
        Span<byte> input = stackalloc byte[7 + prefixAndKey.Length];
        "SS58PRE"u8.CopyTo(input);
        prefixAndKey.CopyTo(input[7..]);
        Span<byte> hash = stackalloc byte[64];
        Blake2b.Hash(hash, input);
        return hash[..ChecksumLength].ToArray();
    }
}

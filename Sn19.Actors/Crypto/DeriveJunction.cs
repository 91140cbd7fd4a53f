namespace Sn19.Actors.Crypto;

using System.Globalization;
using System.Text;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// One step of a Substrate derivation path: <c>//name</c> is hard, <c>/name</c> soft. The 32-byte chain
/// code is the SCALE encoding of the junction (a number as u64 little-endian, anything else as a
/// compact-length-prefixed UTF-8 string), zero-padded, or its BLAKE2b-256 when longer than 32 bytes.
/// </summary>
public sealed record DeriveJunction(bool IsHard, byte[] ChainCode)
{
    public const int ChainCodeLength = 32;

    /// <param name="code">The junction text without its slashes, e.g. "Alice" or "0".</param>
    public static DeriveJunction Parse(string code, bool isHard)
    {
        byte[] encoded;
        if (ulong.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            encoded = BitConverter.GetBytes(number);
            if (!BitConverter.IsLittleEndian)
            {
                Array.Reverse(encoded);
            }
        }
        else
        {
            var utf8 = Encoding.UTF8.GetBytes(code);
            encoded = [.. ScaleCompactLength(utf8.Length), .. utf8];
        }

        var chainCode = new byte[ChainCodeLength];
        if (encoded.Length > ChainCodeLength)
        {
            Blake2b.Hash(chainCode, encoded);
        }
        else
        {
            encoded.CopyTo(chainCode, 0);
        }

        return new DeriveJunction(isHard, chainCode);
    }

    // SCALE compact integer: 6-bit single byte, 14-bit two bytes, 30-bit four bytes (mode in the low 2 bits).
    private static byte[] ScaleCompactLength(int length) => length switch
    {
        < 64 => [(byte)(length << 2)],
        < 16384 => BitConverter.GetBytes((ushort)((length << 2) | 0b01)),
        _ => BitConverter.GetBytes((uint)((length << 2) | 0b10)),
    };
}

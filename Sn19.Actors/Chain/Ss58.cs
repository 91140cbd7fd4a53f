namespace Sn19.Actors.Chain;

using System.Numerics;

/// <summary>
/// Shape check of an SS58 address: base58 that decodes to a one-byte prefix (&lt; 64), a 32-byte key and a
/// 2-byte checksum. The checksum itself needs blake2b-512 and is verified by the keys code, not here: the
/// local chain only refuses strings that cannot be addresses.
/// </summary>
internal static class Ss58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static bool IsWellFormed(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length is < 46 or > 50)
        {
            return false;
        }

        BigInteger value = 0;
        var leadingZeros = 0;
        var leading = true;
        foreach (var ch in address)
        {
            var digit = Alphabet.IndexOf(ch, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            if (leading && digit == 0)
            {
                leadingZeros++;
            }
            else
            {
                leading = false;
            }

            value = (value * 58) + digit;
        }

        var bytes = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var length = leadingZeros + bytes.Length;
        var prefix = leadingZeros > 0 ? 0 : bytes[0];
        return length == 35 && prefix < 64;
    }
}

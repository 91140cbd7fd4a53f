namespace Sn19.Tests.Actors.Chain;

using System.Numerics;

/// <summary>
/// Well-formed SS58 strings for the local chain, which checks the shape (prefix 42, 32-byte key, 2 checksum
/// bytes) but not the blake2b checksum. <see cref="Alice"/> is the real Substrate dev address.
/// </summary>
internal static class TestKeys
{
    public const string Alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    public const string Bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>A distinct address per (role, index), e.g. Address("hot", 3).</summary>
    public static string Address(string role, int index)
    {
        var bytes = new byte[35];
        bytes[0] = 42;
        var seed = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{role}/{index}"));
        seed.CopyTo(bytes, 1);
        bytes[33] = seed[0];
        bytes[34] = seed[1];
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        while (value > 0)
        {
            chars.Add(Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        chars.Reverse();
        return new string([.. chars]);
    }
}

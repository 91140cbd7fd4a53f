namespace Sn19.Tests.Actors.Chain;

using System.Security.Cryptography;
using System.Text;
using Sn19.Actors.Crypto;

/// <summary>SS58 addresses (prefix 42) for chain tests: the Substrate dev accounts and a distinct key per (role, index).</summary>
internal static class TestKeys
{
    public const string Alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    public const string Bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    /// <summary>The address of a made-up 32-byte key SHA-256("role/index"), e.g. Address("hot", 3).</summary>
    public static string Address(string role, int index) =>
        Ss58.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{role}/{index}")));
}

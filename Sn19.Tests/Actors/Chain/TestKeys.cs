namespace Sn19.Tests.Actors.Chain;

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;

/// <summary>
/// Keys for chain tests: the Substrate dev accounts and a distinct key per (role, index), each with its
/// secret, so a test can sign what the chain only takes signed (set_weights).
/// </summary>
internal static class TestKeys
{
    public const string Alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    public const string Bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    private static readonly ConcurrentDictionary<string, Sr25519Keypair> ByAddress = new();

    /// <summary>The address of the key whose mini secret is SHA-256("role/index"), e.g. Address("hot", 3).</summary>
    public static string Address(string role, int index) =>
        Remember(Sr25519Keypair.FromMiniSecret(SHA256.HashData(Encoding.UTF8.GetBytes($"{role}/{index}"))));

    /// <summary>The key behind an address made here, or a dev account (//Alice, //Bob).</summary>
    public static Sr25519Keypair KeyFor(string address) =>
        ByAddress.TryGetValue(address, out var key) ? key
        : address == Alice ? Known(Sr25519Keypair.FromSecretUri("//Alice"))
        : address == Bob ? Known(Sr25519Keypair.FromSecretUri("//Bob"))
        : throw new ArgumentException($"no test key behind {address}", nameof(address));

    /// <summary>An in-process signer for the key behind <paramref name="address"/>, every kind granted.</summary>
    public static IHotkeySigner SignerFor(string address, TimeProvider? time = null) =>
        InProcessHotkeySigner.Create(new Sr25519MessageSigner(KeyFor(address)), "test/" + address[..8], time ?? TimeProvider.System, TimeSpan.FromSeconds(120), NullLogger.Instance);

    private static Sr25519Keypair Known(Sr25519Keypair key)
    {
        Remember(key);
        return key;
    }

    private static string Remember(Sr25519Keypair key)
    {
        ByAddress.TryAdd(key.Ss58Address, key);
        return key.Ss58Address;
    }
}

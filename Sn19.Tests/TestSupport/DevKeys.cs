namespace Sn19.Tests.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;

/// <summary>Substrate's development keys (//Alice, //Bob, …) and in-process signers over them, for tests.</summary>
internal static class DevKeys
{
    public static Sr25519Keypair Pair(string name) => Sr25519Keypair.FromSecretUri("//" + name);

    public static string Address(string name) => Pair(name).Ss58Address;

    public static IHotkeySigner Signer(string name, TimeProvider? time = null) =>
        InProcessHotkeySigner.Create(
            new Sr25519MessageSigner(Pair(name)), name.ToLowerInvariant(), time ?? TimeProvider.System, TimeSpan.FromSeconds(120), NullLogger.Instance);
}

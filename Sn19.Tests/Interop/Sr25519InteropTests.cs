namespace Sn19.Tests.Interop;

using System.Text.Json;
using System.Text.Json.Nodes;
using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Bip39;

/// <summary>
/// Issue 5, must-show 2: Sn19's sr25519 against two independent implementations run by node —
/// @polkadot/util-crypto (@scure/sr25519) and @polkadot/wasm-crypto (w3f schnorrkel as WebAssembly).
/// </summary>
public sealed class Sr25519InteropTests
{
    private const int MessageCount = 128;

    [Fact]
    public async Task Signatures_CrossVerifyBothWays_AndTamperedMessagesFail()
    {
        var random = new Random(19_005);
        var sn19Pair = Sr25519Keypair.FromMiniSecret(RandomBytes(random, 32));
        var nodeSeed = RandomBytes(random, 32);
        var messages = Enumerable.Range(0, MessageCount).Select(i => RandomBytes(random, i == 0 ? 0 : random.Next(1, 600))).ToArray();
        var sn19Signatures = messages.Select(m => sn19Pair.Sign(m)).ToArray();

        var request = new JsonObject
        {
            ["sn19"] = new JsonObject
            {
                ["publicKey"] = Hex(sn19Pair.PublicKeyBytes()),
                ["items"] = new JsonArray(messages.Select((m, i) =>
                    (JsonNode)new JsonObject { ["message"] = Hex(m), ["signature"] = Hex(sn19Signatures[i]) }).ToArray()),
            },
            ["nodeSeed"] = Hex(nodeSeed),
            ["messages"] = new JsonArray(messages.Select(m => (JsonNode)Hex(m)).ToArray()),
            ["mnemonics"] = new JsonArray(),
            ["uris"] = new JsonArray(),
        };
        var answer = JsonNode.Parse(await NodeScript.RunAsync("sr25519-interop.mjs", request.ToJsonString(), CancellationToken.None))!;

        // Sn19 → node: every signature verifies in both implementations; none verifies over a tampered message.
        Assert.All(Bools(answer["utilVerifies"]!), Assert.True);
        Assert.All(Bools(answer["wasmVerifies"]!), Assert.True);
        Assert.All(Bools(answer["utilVerifiesTampered"]!), Assert.False);
        Assert.All(Bools(answer["wasmVerifiesTampered"]!), Assert.False);
        Assert.Equal(MessageCount, Bools(answer["utilVerifies"]!).Length);

        // node → Sn19: the same seed gives the same public key; node's signatures verify here; tampered ones fail.
        var nodeKey = Convert.FromHexString((string)answer["nodePublicKey"]!);
        Assert.Equal(Sr25519Keypair.FromMiniSecret(nodeSeed).PublicKeyBytes(), nodeKey);
        Assert.Equal(nodeKey, Convert.FromHexString((string)answer["wasmPublicKey"]!));
        foreach (var name in new[] { "utilSignatures", "wasmSignatures" })
        {
            var signatures = answer[name]!.AsArray().Select(s => Convert.FromHexString((string)s!)).ToArray();
            Assert.Equal(MessageCount, signatures.Length);
            for (var i = 0; i < MessageCount; i++)
            {
                Assert.True(Sr25519.Verify(nodeKey, messages[i], signatures[i]), $"{name}[{i}] should verify");
                Assert.False(Sr25519.Verify(nodeKey, Tamper(messages[i]), signatures[i]), $"{name}[{i}] tampered should fail");
            }
        }
    }

    [Fact]
    public async Task KeyDerivation_MnemonicsAndUris_MatchPolkadotJs()
    {
        var mnemonics = new[] { SecretUri.DevPhrase }
            .Concat(Bip39Mnemonic.AllowedWordCounts.Select(n => Bip39Mnemonic.Generate(n)))
            .ToArray();
        var uris = new[]
        {
            SecretUri.DevPhrase + "//Alice",
            SecretUri.DevPhrase + "//Bob/soft",
            SecretUri.DevPhrase + "/foo/bar//baz",
            SecretUri.DevPhrase + "//0/1//2",
            SecretUri.DevPhrase + "//a-junction-name-that-is-longer-than-thirty-two-bytes",
            mnemonics[1] + "//hard/soft",
            mnemonics[2] + "///a passphrase",
            "0x" + Convert.ToHexStringLower(new byte[32]) + "//Alice",
        };
        var request = new JsonObject
        {
            ["sn19"] = new JsonObject { ["publicKey"] = Hex(new byte[32]), ["items"] = new JsonArray() },
            ["nodeSeed"] = Hex(new byte[32]),
            ["messages"] = new JsonArray(),
            ["mnemonics"] = new JsonArray(mnemonics.Select(m => (JsonNode)m).ToArray()),
            ["uris"] = new JsonArray(uris.Select(u => (JsonNode)u).ToArray()),
        };
        var answer = JsonNode.Parse(await NodeScript.RunAsync("sr25519-interop.mjs", request.ToJsonString(), CancellationToken.None))!;

        var miniSecrets = answer["miniSecrets"]!.AsArray().Select(s => (string)s!).ToArray();
        Assert.Equal(mnemonics.Select(m => Hex(Bip39Mnemonic.ToMiniSecret(m))), miniSecrets);
        var publicKeys = answer["uriPublicKeys"]!.AsArray().Select(s => (string)s!).ToArray();
        Assert.Equal(uris.Select(u => Hex(Sr25519Keypair.FromSecretUri(u).PublicKeyBytes())), publicKeys);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Tamper(byte[] message)
    {
        if (message.Length == 0)
        {
            return [0];
        }

        var copy = (byte[])message.Clone();
        copy[0] ^= 0x01;
        return copy;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static bool[] Bools(JsonNode node) => node.AsArray().Select(b => b!.GetValue<bool>()).ToArray();
}

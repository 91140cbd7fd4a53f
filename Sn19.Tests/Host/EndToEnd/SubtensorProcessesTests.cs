namespace Sn19.Tests.Host.EndToEnd;

using System.Runtime.Versioning;
using Sn19.Actors.Chain.Subtensor;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;
using Sn19.Tests.Chopsticks;
using Sn19.Tests.Host.Signer;
using Sn19.Tests.TestSupport;

/// <summary>
/// `sn19 validator` on a real Subtensor runtime (chopsticks on the raonet spec, loopback), as separate processes: the
/// subnet is built in the chain's storage (a validator with a permit and stake, three miners with axons on loopback, as
/// registration and `serve_axon` would leave them), `sn19 signer` holds the validator's hotkey, three `sn19 miner`s serve
/// (one of them a cheat that stops its answers early; //Charlie is queried over fiber 2.x, Nineteen's wire, the others
/// over Sn19's envelope), and the validator reads the metagraph from the node, scores the
/// miners for one 20-second period and sets weights with a signed `set_weights` that the runtime dispatches. The weights
/// are then read back from the runtime's storage: the honest miners have weight, the cheat none.
/// </summary>
[Collection(ChopsticksCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SubtensorProcessesTests(ChopsticksFixture chopsticks)
{
    private const ushort Netuid = 19;

    [Fact]
    public async Task Validator_OnASubtensorRuntime_SetsWeightsTheRuntimeStores()
    {
        using var directory = new TempDirectory("sn19-subtensor");
        var model = directory.File("task.gguf");
        TestModelWriter.Write(TestModelShape.Tiny, TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"), WeightType.F32, 1, model);

        var wallets = directory.File("wallets");
        var validator = TestWallets.WriteHotkey(wallets, "v", "default");
        var owner = Sr25519Keypair.FromSecretUri("//Alice//cold").Ss58Address;
        var miners = new[] { "//Bob", "//Charlie", "//Dave" }.Select(uri => (Uri: uri, Hotkey: Sr25519Keypair.FromSecretUri(uri).Ss58Address, Port: FreePorts.Next())).ToList();
        await using (var node = await SubtensorNode.ConnectAsync(chopsticks.Node.Url, CancellationToken.None))
        {
            await ChopsticksSubnet.CreateAsync(
                node,
                Netuid,
                [
                    new SubnetMember(validator.Ss58Address, owner, ValidatorPermit: true, StakeRao: 2_000_000_000_000),
                    .. miners.Select(m => new SubnetMember(m.Hotkey, owner, ValidatorPermit: false, StakeRao: 0, "127.0.0.1", m.Port)),
                ],
                tempo: 360,
                CancellationToken.None);
        }

        var config = directory.File("subnet.conf");
        await File.WriteAllTextAsync(config, SubnetProcessKit.Configuration(directory.File("validator"), model, $$"""
            chain { url = "{{chopsticks.Node.Url}}", netuid = {{Netuid}} }
            wire.fiber.peers = ["{{miners[1].Hotkey}}"]
            """));
        var token = directory.File("validator.token");
        var tokens = directory.File("tokens.json");
        await SubnetProcessKit.RunAsync("signer", "new-token", "--name", "validator", "--hotkey", "v/default", "--token-file", token, "--tokens-file", tokens,
            "--kind", SignKinds.RequestEnvelope, "--kind", SignKinds.Weights, "--kind", SignKinds.Extrinsic, "--kind", SignKinds.FiberRequest);
        var socket = directory.File("signer.sock");
        await using var signer = Sn19Process.Start("signer", "--socket-path", socket, "--wallets-path", wallets, "--tokens-file", tokens);
        await signer.WaitForLineAsync(l => l.Contains("Signer listening", StringComparison.Ordinal), SubnetProcessKit.Patience);

        await using var bob = await StartMinerAsync(miners[0].Hotkey, miners[0].Port, config, model);
        await using var charlie = await StartMinerAsync(miners[1].Hotkey, miners[1].Port, config, model);
        await using var dave = await StartMinerAsync(miners[2].Hotkey, miners[2].Port, config, model, "early-eos");

        await using var validatorProcess = Sn19Process.Start(
            "validator", "--periods", "1", "--config", config, "--set", $"signer.client.socket-path={socket}",
            "--set", "signer.client.name=validator", "--set", $"signer.client.token-file={token}", "--set", "signer.client.hotkey=v/default",
            "--set", "admin.port=0", "--set", "organic.port=0", "--set", "dashboard.port=0");
        var exit = await validatorProcess.WaitForExitAsync(TimeSpan.FromMinutes(4));
        Assert.True(exit == 0, string.Join('\n', validatorProcess.Lines) + "\n" + chopsticks.Node.Tail());

        await using var chain = new SubtensorChain(await SubtensorNode.ConnectAsync(chopsticks.Node.Url, CancellationToken.None), Netuid, null, SubtensorChainOptions.Default);
        var row = (await chain.GetWeightsAsync(CancellationToken.None)).GetValueOrThrow().Single(r => r.Hotkey == validator.Ss58Address);
        var weighted = row.Weights.Where(w => w.Value > 0).Select(w => w.Uid).ToHashSet();
        Assert.True(row.LastUpdate > 0, string.Join('\n', validatorProcess.Lines));
        Assert.Contains((ushort)1, weighted); // //Bob
        Assert.Contains((ushort)2, weighted); // //Charlie
        Assert.DoesNotContain((ushort)3, weighted); // //Dave, the cheat
    }

    private static Task<Sn19Process> StartMinerAsync(string hotkey, int port, string config, string model, string? hostile = null) =>
        SubnetProcessKit.StartMinerAsync(
            hotkey, Sr25519Keypair.FromSecretUri("//Alice//cold").Ss58Address, config, model, [$"miner.listen=127.0.0.1:{port}", "miner.register=false"], hostile);
}

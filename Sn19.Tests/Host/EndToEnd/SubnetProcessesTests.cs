namespace Sn19.Tests.Host.EndToEnd;

using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Sn19.Actors.Chain.Http;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;
using Sn19.Tests.Host.Signer;
using Sn19.Tests.TestSupport;

/// <summary>
/// The subnet as separate processes over loopback: `sn19 chain serve`, `sn19 signer`, four `sn19 miner`s (two honest,
/// one of them on AVX2 kernels while the validator checks on the machine's widest; two `--hostile`) and one
/// `sn19 validator` that scores them for one (20-second) period and sets weights on the chain: the honest miners get
/// weight, the cheats none.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed partial class SubnetProcessesTests
{
    [Fact]
    public async Task Subnet_SeparateProcesses_ValidatorWeightsTheHonestMinersAndNotTheCheats()
    {
        using var directory = new TempDirectory("sn19-e2e");
        var model = directory.File("task.gguf");
        TestModelWriter.Write(TestModelShape.Tiny, TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"), WeightType.F32, 1, model);
        var config = directory.File("subnet.conf");
        await File.WriteAllTextAsync(config, SubnetProcessKit.Configuration(directory.File("validator"), model));

        await using var chain = Sn19Process.Start(
            "chain", "serve", "--listen", "127.0.0.1:0", "--data-dir", directory.File("chain"), "--tempo", "10", "--weights-rate-limit", "2");
        var url = UrlPattern().Match(await chain.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal), SubnetProcessKit.Patience)).Value;

        var wallets = directory.File("wallets");
        var validator = TestWallets.WriteHotkey(wallets, "v", "default");
        await RegisterValidatorAsync(url, validator);
        var token = directory.File("validator.token");
        var tokens = directory.File("tokens.json");
        await SubnetProcessKit.RunAsync("signer", "new-token", "--name", "validator", "--hotkey", "v/default", "--token-file", token, "--tokens-file", tokens,
            "--kind", SignKinds.RequestEnvelope, "--kind", SignKinds.Weights);
        var socket = directory.File("signer.sock");
        await using var signer = Sn19Process.Start("signer", "--socket-path", socket, "--wallets-path", wallets, "--tokens-file", tokens);
        await signer.WaitForLineAsync(l => l.Contains("Signer listening", StringComparison.Ordinal), SubnetProcessKit.Patience);

        await using var bob = await StartMinerAsync("//Bob", config, url, model);
        // An honest miner on other kernels than the validator's checker: AVX-512 off in its process (AVX2 paths).
        await using var charlie = await StartMinerAsync("//Charlie", config, url, model, environment: new Dictionary<string, string?> { ["DOTNET_EnableAVX512"] = "0" });
        // Two cheats on the same model (`--hostile`, a testing aid): one stops its answers early, one replays its first answer.
        await using var dave = await StartMinerAsync("//Dave", config, url, model, "early-eos");
        await using var eve = await StartMinerAsync("//Eve", config, url, model, "replay");

        await using var node = Sn19Process.Start(
            "validator", "--periods", "1", "--config", config, "--set", $"chain.url={url}", "--set", $"signer.client.socket-path={socket}",
            "--set", "signer.client.name=validator", "--set", $"signer.client.token-file={token}", "--set", "signer.client.hotkey=v/default",
            "--set", "admin.port=0", "--set", "organic.port=0", "--set", "dashboard.port=0");
        var exit = await node.WaitForExitAsync(TimeSpan.FromMinutes(4));
        Assert.True(exit == 0, string.Join('\n', node.Lines));

        using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
        var client = new HttpChainClient(http);
        var metagraph = (await client.GetMetagraphAsync(default)).GetValueOrThrow();
        var rows = (await client.GetWeightsAsync(default)).GetValueOrThrow();
        var validatorUid = metagraph.Neurons.Single(n => n.Hotkey == validator.Ss58Address).Uid;
        var weighted = rows.Single(r => r.Uid == validatorUid).Weights.Where(w => w.Value > 0).Select(w => w.Uid).ToHashSet();
        foreach (var miner in new[] { "//Bob", "//Charlie" })
        {
            Assert.Contains(Uid(metagraph, miner), weighted);
        }

        foreach (var cheat in new[] { "//Dave", "//Eve" })
        {
            Assert.DoesNotContain(Uid(metagraph, cheat), weighted);
        }
    }

    private static ushort Uid(Sn19.Actors.Chain.Metagraph metagraph, string uri) =>
        metagraph.Neurons.Single(n => n.Hotkey == Sr25519Keypair.FromSecretUri(uri).Ss58Address).Uid;

    private static async Task RegisterValidatorAsync(string url, Sr25519Keypair validator)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
        var chain = new HttpChainClient(http);
        var coldkey = Sr25519Keypair.FromSecretUri("//Alice//cold").Ss58Address;
        (await chain.RegisterAsync(validator.Ss58Address, coldkey, default)).GetValueOrThrow();
        (await chain.AddStakeAsync(coldkey, validator.Ss58Address, 2_000_000_000_000, default)).GetValueOrThrow();
    }

    private static Task<Sn19Process> StartMinerAsync(
        string uri, string config, string url, string model, string? hostile = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        SubnetProcessKit.StartMinerAsync(
            Sr25519Keypair.FromSecretUri(uri).Ss58Address, Sr25519Keypair.FromSecretUri(uri + "//cold").Ss58Address, config, model,
            [$"chain.url={url}", "miner.listen=127.0.0.1:0"], hostile, environment);

    [GeneratedRegex(@"http://[0-9.:]+")]
    private static partial Regex UrlPattern();
}

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
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Subnet_SeparateProcesses_ValidatorWeightsTheHonestMinersAndNotTheCheats()
    {
        using var directory = new TempDirectory("sn19-e2e");
        var model = directory.File("task.gguf");
        TestModelWriter.Write(TestModelShape.Tiny, TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"), WeightType.F32, 1, model);
        var config = directory.File("subnet.conf");
        await File.WriteAllTextAsync(config, Configuration(directory.File("validator"), model));

        await using var chain = Sn19Process.Start(
            "chain", "serve", "--listen", "127.0.0.1:0", "--data-dir", directory.File("chain"), "--tempo", "10", "--weights-rate-limit", "2");
        var url = UrlPattern().Match(await chain.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal), Patience)).Value;

        var wallets = directory.File("wallets");
        var validator = TestWallets.WriteHotkey(wallets, "v", "default");
        await RegisterValidatorAsync(url, validator);
        var token = directory.File("validator.token");
        var tokens = directory.File("tokens.json");
        await RunAsync("signer", "new-token", "--name", "validator", "--hotkey", "v/default", "--token-file", token, "--tokens-file", tokens,
            "--kind", SignKinds.RequestEnvelope, "--kind", SignKinds.Weights);
        var socket = directory.File("signer.sock");
        await using var signer = Sn19Process.Start("signer", "--socket-path", socket, "--wallets-path", wallets, "--tokens-file", tokens);
        await signer.WaitForLineAsync(l => l.Contains("Signer listening", StringComparison.Ordinal), Patience);

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

    private static async Task<Sn19Process> StartMinerAsync(
        string uri, string config, string url, string model, string? hostile = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var hotkey = Sr25519Keypair.FromSecretUri(uri).Ss58Address;
        var coldkey = Sr25519Keypair.FromSecretUri(uri + "//cold").Ss58Address;
        string[] cheat = hostile is null ? [] : ["--hostile", hostile];
        var miner = Sn19Process.Start(new Sn19ProcessOptions { Environment = environment ?? new Dictionary<string, string?>() }, [
            "miner", .. cheat, "--config", config, "--set", $"chain.url={url}", "--set", $"miner.hotkey={hotkey}", "--set", $"miner.coldkey={coldkey}",
            "--set", "miner.listen=127.0.0.1:0", "--set", $"miner.tasks.completion.model-file={model}", "--set", "miner.tasks.completion.capacity=4000"]);
        await miner.WaitForLineAsync(l => l.Contains("serving", StringComparison.Ordinal), Patience);
        return miner;
    }

    private static async Task RunAsync(params string[] arguments)
    {
        await using var process = Sn19Process.Start(arguments);
        var code = await process.WaitForExitAsync(Patience);
        Assert.True(code == 0, string.Join('\n', process.Lines));
    }

    /// <summary>A one-task subnet with 20-second periods on the tiny test model, quiet logs.</summary>
    private static string Configuration(string dataDir, string model) => $$"""
        node.data-dir = "{{dataDir}}"
        mechanism { period = 20s, capacity-to-score-multiplier = 4 }
        tasks = null
        tasks {
          completion { kind = completion, model = sn19-test, endpoint = "/v1/completions", max-capacity = 8000, weight = 1, volume-per-request = 20, timeout = 10s, stream = true, enabled = true }
        }
        miner.period = 20s
        validator {
          models { sn19-test = "{{model}}" }
          max-concurrent-queries = 2
          synthetics { normal-mean = 20, normal-standard-deviation = 10, gamma-scale = 40, max-words = 60, fallback-words = 20, min-words = 5, min-max-tokens = 8, max-max-tokens = 24 }
        }
        wire.envelope.min-validator-stake = 100
        logging { level = warning, file.enabled = false }
        """;

    [GeneratedRegex(@"http://[0-9.:]+")]
    private static partial Regex UrlPattern();
}

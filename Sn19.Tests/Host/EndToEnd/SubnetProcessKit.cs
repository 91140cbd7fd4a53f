namespace Sn19.Tests.Host.EndToEnd;

using Sn19.Tests.TestSupport;

/// <summary>What the tests that run a subnet as separate `sn19` processes share: the configuration of a one-task subnet on
/// the tiny test model, starting a miner, and running a command to its end.</summary>
internal static class SubnetProcessKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Starts `sn19 miner` serving the completion task on <paramref name="model"/> and waits until it serves.</summary>
    /// <param name="settings">More <c>--set key=value</c> settings (the chain, where it listens, whether it registers).</param>
    public static async Task<Sn19Process> StartMinerAsync(
        string hotkey, string coldkey, string config, string model, IEnumerable<string> settings, string? hostile = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        string[] cheat = hostile is null ? [] : ["--hostile", hostile];
        var miner = Sn19Process.Start(new Sn19ProcessOptions { Environment = environment ?? new Dictionary<string, string?>() }, [
            "miner", .. cheat, "--config", config, "--set", $"miner.hotkey={hotkey}", "--set", $"miner.coldkey={coldkey}",
            "--set", $"miner.tasks.completion.model-file={model}", "--set", "miner.tasks.completion.capacity=4000",
            .. settings.SelectMany(s => new[] { "--set", s })]);
        await miner.WaitForLineAsync(l => l.Contains("serving", StringComparison.Ordinal), Patience);
        return miner;
    }

    public static async Task RunAsync(params string[] arguments)
    {
        await using var process = Sn19Process.Start(arguments);
        var code = await process.WaitForExitAsync(Patience);
        Assert.True(code == 0, string.Join('\n', process.Lines));
    }

    /// <summary>A one-task subnet with 20-second periods on the tiny test model, quiet logs; <paramref name="extra"/> is more HOCON.</summary>
    public static string Configuration(string dataDir, string model, string extra = "") => $$"""
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
        {{extra}}
        """;
}

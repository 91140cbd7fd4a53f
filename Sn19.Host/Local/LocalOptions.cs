namespace Sn19.Host.Local;

using Microsoft.Extensions.Configuration;
using Sn19.Host.Configuration;

/// <summary>The local subnet (section <c>local</c>, hocon/defaults/local.conf).</summary>
internal sealed class LocalOptions : IValidatableOptions
{
    [ConfigurationKeyName("data-dir")]
    public string DataDir { get; set; } = ".sn19/local";

    /// <summary>Shape of the random-weight test model: tiny, 15m or 110m.</summary>
    [ConfigurationKeyName("model-shape")]
    public string ModelShape { get; set; } = "15m";

    /// <summary>f32 or q8_0.</summary>
    [ConfigurationKeyName("model-type")]
    public string ModelType { get; set; } = "q8_0";

    /// <summary>The name the task's model goes by in the tasks section.</summary>
    [ConfigurationKeyName("model-name")]
    public string ModelName { get; set; } = "sn19-test";

    [ConfigurationKeyName("task-model-seed")]
    public ulong TaskModelSeed { get; set; } = 1;

    [ConfigurationKeyName("other-model-seed")]
    public ulong OtherModelSeed { get; set; } = 2;

    [ConfigurationKeyName("validator-uri")]
    public string ValidatorUri { get; set; } = "//Alice";

    /// <summary>The validator's stake, in TAO.</summary>
    [ConfigurationKeyName("validator-stake")]
    public double ValidatorStake { get; set; } = 10_000;

    [ConfigurationKeyName("block-time")]
    public TimeSpan BlockTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Blocks between Yuma epochs.</summary>
    [ConfigurationKeyName("tempo")]
    public ulong Tempo { get; set; } = 30;

    /// <summary>Blocks between two weight submissions of one hotkey.</summary>
    [ConfigurationKeyName("weights-rate-limit")]
    public ulong WeightsRateLimit { get; set; } = 10;

    /// <summary>Validator nodes: 1 runs the validator in this process on SQLite; more run node processes as one
    /// cluster on PostgreSQL.</summary>
    [ConfigurationKeyName("validator-nodes")]
    public int ValidatorNodes { get; set; } = 1;

    /// <summary>The PostgreSQL connection string for a cluster's journal; empty = this machine's (scripts/ensure-postgres.sh).</summary>
    [ConfigurationKeyName("postgres")]
    public string Postgres { get; set; } = string.Empty;

    /// <summary>True when the validator runs as node processes on PostgreSQL rather than in this process.</summary>
    public bool RunsCluster => ValidatorNodes > 1 || Postgres.Length > 0;

    [ConfigurationKeyName("miners")]
    public List<LocalMinerOptions> Miners { get; set; } = [];

    /// <summary>Requests a local miner queues per task beyond the two its engine runs at once; more are refused with 429.</summary>
    [ConfigurationKeyName("miner-max-queue")]
    public int MinerMaxQueue { get; set; } = 2;

    public void Validate(string section)
    {
        if (Miners.Count == 0 || Miners.Any(m => m.Name.Length == 0 || m.Uri.Length == 0 || m.Model is not ("task" or "other")))
        {
            throw new ConfigurationException($"{section}.miners: every miner needs a name, a uri and model = task | other.", null, null, $"{section}.miners");
        }

        if (MinerMaxQueue is < 0 or > 1024)
        {
            throw new ConfigurationException($"{section}.miner-max-queue must be 0..1024 (was {MinerMaxQueue}).", null, null, $"{section}.miner-max-queue");
        }

        if (ValidatorNodes is < 1 or > 16)
        {
            throw new ConfigurationException($"{section}.validator-nodes must be 1..16 (was {ValidatorNodes}).", null, null, $"{section}.validator-nodes");
        }

        if (BlockTime <= TimeSpan.Zero || Tempo == 0 || ValidatorStake <= 0)
        {
            throw new ConfigurationException($"{section}: block-time, tempo and validator-stake must be positive.", null, null, $"{section}.tempo");
        }
    }
}

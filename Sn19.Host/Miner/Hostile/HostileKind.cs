namespace Sn19.Host.Miner.Hostile;

/// <summary>
/// Ways a miner may cheat, for testing that validators catch them (a testing aid: `sn19 miner --hostile KIND`).
/// Each saves the cheater something: tokens, compute, or the model itself.
/// </summary>
internal enum HostileKind
{
    /// <summary>Stops early (after a share of max_tokens) and claims the model chose to stop: fewer tokens to make.</summary>
    EarlyEos,

    /// <summary>Cuts the stream off half-way without a finish reason.</summary>
    Truncated,

    /// <summary>Answers every request with an answer it gave earlier (to another prompt): no generation at all.</summary>
    Replay,

    /// <summary>Honest tokens with log-probabilities it did not compute (the true ones plus noise).</summary>
    LogprobNoise,

    /// <summary>Generates with a cheaper model, then reports the task model's log-probabilities for those tokens
    /// (one prefill instead of a decode per token).</summary>
    Forger,
}

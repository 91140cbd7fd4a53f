namespace Sn19.Actors.Wire;

using Microsoft.Extensions.Configuration;

/// <summary>
/// Miner-side envelope checks: configuration section <c>wire.envelope</c> (hocon/defaults/wire.conf).
/// </summary>
public sealed class EnvelopeOptions
{
    public const string Section = "wire:envelope";

    /// <summary>A nonce is fresh while |now − its time| ≤ this (fiber's NONCE_WINDOW_NS = 120 s).</summary>
    [ConfigurationKeyName("nonce-window")]
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Least stake (TAO) a validator needs for its requests to be admitted (fiber's MIN_STAKE_THRESHOLD).</summary>
    [ConfigurationKeyName("min-validator-stake")]
    public double MinValidatorStake { get; set; } = 1000;

    /// <summary>Largest request body, in bytes, the verifier buffers; larger bodies get 413.</summary>
    [ConfigurationKeyName("max-body-bytes")]
    public long MaxBodyBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Live nonces remembered per validator; beyond that the validator gets 429 until some expire.</summary>
    [ConfigurationKeyName("replay-cache-per-validator")]
    public int ReplayCachePerValidator { get; set; } = 16_384;

    /// <summary>Validators the replay cache keeps nonces for at once.</summary>
    [ConfigurationKeyName("replay-cache-max-validators")]
    public int ReplayCacheMaxValidators { get; set; } = 64;

    /// <summary>Throws naming the bad key; called once at start-up.</summary>
    public void Validate()
    {
        if (NonceWindow <= TimeSpan.Zero || NonceWindow > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"wire.envelope.nonce-window must be in (0, 1h], got {NonceWindow}.");
        }

        if (double.IsNaN(MinValidatorStake) || MinValidatorStake < 0)
        {
            throw new InvalidOperationException($"wire.envelope.min-validator-stake must be ≥ 0, got {MinValidatorStake}.");
        }

        if (MaxBodyBytes is < 1 or > int.MaxValue)
        {
            throw new InvalidOperationException($"wire.envelope.max-body-bytes must be in [1, {int.MaxValue}], got {MaxBodyBytes}.");
        }

        if (ReplayCachePerValidator < 1)
        {
            throw new InvalidOperationException($"wire.envelope.replay-cache-per-validator must be ≥ 1, got {ReplayCachePerValidator}.");
        }

        if (ReplayCacheMaxValidators < 1)
        {
            throw new InvalidOperationException($"wire.envelope.replay-cache-max-validators must be ≥ 1, got {ReplayCacheMaxValidators}.");
        }
    }
}

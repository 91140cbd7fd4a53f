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

    /// <summary>Ceiling on a request body, in bytes; a miner lowers it to what its largest context needs
    /// (<see cref="BodyLimit"/>). Larger bodies get 413.</summary>
    [ConfigurationKeyName("max-body-bytes")]
    public long MaxBodyBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Bytes of JSON allowed per token of the largest served context (a token is ~4 characters;
    /// escaped text can take several times that).</summary>
    [ConfigurationKeyName("body-bytes-per-context-token")]
    public int BodyBytesPerContextToken { get; set; } = 64;

    /// <summary>Bytes allowed beyond the prompt itself: field names, sampling settings, chat roles.</summary>
    [ConfigurationKeyName("body-overhead-bytes")]
    public int BodyOverheadBytes { get; set; } = 64 * 1024;

    /// <summary>Requests from one claimed validator whose signature is not checked yet (their bodies are
    /// still arriving); more get 429 at once. Anyone can claim a registered validator's hotkey, so this is
    /// what bounds the work an unsigned sender can cause.</summary>
    [ConfigurationKeyName("max-unverified-per-validator")]
    public int MaxUnverifiedPerValidator { get; set; } = 8;

    /// <summary>Bytes of an unverified body kept in memory; the rest waits in a temporary file that is
    /// deleted with the request.</summary>
    [ConfigurationKeyName("unverified-memory-bytes")]
    public int UnverifiedMemoryBytes { get; set; } = 64 * 1024;

    /// <summary>The body limit for a miner whose largest context is <paramref name="largestContext"/> tokens
    /// (null: unknown, as for a remote backend): never above <see cref="MaxBodyBytes"/>.</summary>
    public long BodyLimit(int? largestContext) => largestContext is { } tokens
        ? Math.Min(MaxBodyBytes, BodyOverheadBytes + ((long)tokens * BodyBytesPerContextToken))
        : MaxBodyBytes;

    /// <summary>Live nonces remembered per validator; beyond that the validator gets 429 until some expire.</summary>
    [ConfigurationKeyName("replay-cache-per-validator")]
    public int ReplayCachePerValidator { get; set; } = 16_384;

    /// <summary>Validators the replay cache keeps nonces for at once.</summary>
    [ConfigurationKeyName("replay-cache-max-validators")]
    public int ReplayCacheMaxValidators { get; set; } = 64;

    /// <summary>These options with <see cref="MaxBodyBytes"/> lowered to <see cref="BodyLimit"/> of <paramref name="largestContext"/>.</summary>
    public EnvelopeOptions ForLargestContext(int? largestContext)
    {
        var copy = (EnvelopeOptions)MemberwiseClone();
        copy.MaxBodyBytes = BodyLimit(largestContext);
        return copy;
    }

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

        if (BodyBytesPerContextToken < 1 || BodyOverheadBytes < 0)
        {
            throw new InvalidOperationException(
                $"wire.envelope.body-bytes-per-context-token must be ≥ 1 and body-overhead-bytes ≥ 0, got {BodyBytesPerContextToken} and {BodyOverheadBytes}.");
        }

        if (MaxUnverifiedPerValidator < 1)
        {
            throw new InvalidOperationException($"wire.envelope.max-unverified-per-validator must be ≥ 1, got {MaxUnverifiedPerValidator}.");
        }

        if (UnverifiedMemoryBytes < 0)
        {
            throw new InvalidOperationException($"wire.envelope.unverified-memory-bytes must be ≥ 0, got {UnverifiedMemoryBytes}.");
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

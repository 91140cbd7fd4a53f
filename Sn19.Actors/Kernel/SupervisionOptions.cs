namespace Sn19.Actors.Kernel;

using Microsoft.Extensions.Configuration;

/// <summary>
/// Restart policy: after a failure the actor is re-created after a back-off of
/// <c>min(MaxBackoff, MinBackoff × 2^(failures in window − 1))</c>; the failure that would be restart number
/// <see cref="MaxRestarts"/> + 1 within <see cref="Window"/> stops it and its parent is told.
/// </summary>
public sealed record SupervisionOptions
{
    /// <summary>Restarts allowed within <see cref="Window"/> before the actor stops (hocon: actors.supervision.max-restarts).</summary>
    [ConfigurationKeyName("max-restarts")]
    public int MaxRestarts { get; init; } = 5;

    /// <summary>The sliding window restarts are counted in (actors.supervision.window).</summary>
    [ConfigurationKeyName("window")]
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Back-off before the first restart (actors.supervision.min-backoff); zero restarts at once.</summary>
    [ConfigurationKeyName("min-backoff")]
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound of the doubling back-off (actors.supervision.max-backoff).</summary>
    [ConfigurationKeyName("max-backoff")]
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan BackoffFor(int failuresInWindow)
    {
        if (MinBackoff <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var shift = Math.Clamp(failuresInWindow - 1, 0, 30);
        var ticks = Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * (1L << Math.Min(shift, 20)));
        return TimeSpan.FromTicks(ticks);
    }

    /// <summary>Throws naming the bad key (relative to <paramref name="section"/>).</summary>
    public void Validate(string section)
    {
        if (MaxRestarts < 0)
        {
            throw new ArgumentException($"{section}.max-restarts must be >= 0 (was {MaxRestarts}).");
        }

        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{section}.window must be positive (was {Window}).");
        }

        if (MinBackoff < TimeSpan.Zero || MaxBackoff < MinBackoff)
        {
            throw new ArgumentException(
                $"{section}.min-backoff must be >= 0 and {section}.max-backoff >= min-backoff (were {MinBackoff}, {MaxBackoff}).");
        }
    }
}

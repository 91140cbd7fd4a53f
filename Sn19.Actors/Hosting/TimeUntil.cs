namespace Sn19.Actors.Hosting;

using Akka.Actor;

/// <summary>How long a timer must wait to fire at a given moment of the actor system's (real or virtual) time.</summary>
public static class TimeUntil
{
    /// <summary>The delay until <paramref name="at"/>; zero when it has passed.</summary>
    public static TimeSpan Until(this ITimeProvider time, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(time);
        var delay = at - time.Now;
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }
}

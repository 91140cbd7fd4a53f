namespace Sn19.Tests.Actors.Chain;

/// <summary>A timer of <see cref="ManualTimeProvider"/>; it fires only when the provider's clock passes <see cref="Due"/>.</summary>
internal sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    public DateTimeOffset? Due { get; set; }

    public TimeSpan? Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        owner.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}

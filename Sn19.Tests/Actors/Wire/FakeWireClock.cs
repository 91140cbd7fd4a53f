namespace Sn19.Tests.Actors.Wire;

/// <summary>A clock the test moves by hand (the envelope code only reads the time; no timers).</summary>
public sealed class FakeWireClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public FakeWireClock(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}

namespace Sn19.Actors.Subnet.Simulation;

using Akka.Actor;

/// <summary>
/// The simulation's clock for the parts made before the validator's actor system (the scenario's chain and
/// miners): it reads that system's virtual scheduler once attached, and the scenario's genesis until then.
/// </summary>
internal sealed class VirtualClock(DateTimeOffset genesis) : ITimeProvider
{
    public IScheduler? Scheduler { get; set; }

    public DateTimeOffset Now => Scheduler?.Now ?? genesis;

    public TimeSpan MonotonicClock => Now - genesis;

    public TimeSpan HighResMonotonicClock => MonotonicClock;
}

namespace Sn19.Actors.Kernel;

/// <summary>Life-cycle state of an actor cell, as introspection reports it.</summary>
public enum ActorStatus
{
    Starting,
    Running,
    Restarting,
    Passivated,
    Stopping,
    Stopped,
}

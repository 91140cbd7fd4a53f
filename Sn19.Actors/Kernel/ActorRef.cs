namespace Sn19.Actors.Kernel;

/// <summary>An untyped handle, for watching and for collections of mixed actors.</summary>
public abstract class ActorRef
{
    private protected ActorRef(ActorPath path) => Path = path;

    public ActorPath Path { get; }

    /// <summary>Completes when the actor has stopped for good (not when it is merely passivated).</summary>
    public abstract Task Stopped { get; }

    public override string ToString() => Path.ToString();
}

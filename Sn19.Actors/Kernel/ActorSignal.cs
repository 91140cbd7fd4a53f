namespace Sn19.Actors.Kernel;

/// <summary>
/// Lifecycle notifications delivered to <see cref="Actor{TMessage}.OnSignalAsync"/>, outside the typed message
/// protocol and never dropped for a full mailbox.
/// </summary>
public abstract record ActorSignal;

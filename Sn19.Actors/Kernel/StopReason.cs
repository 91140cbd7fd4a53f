namespace Sn19.Actors.Kernel;

/// <summary>Why an actor stopped for good.</summary>
public enum StopReason
{
    /// <summary>It, its parent or the system asked it to stop.</summary>
    Stopped,

    /// <summary>It kept failing: more restarts than the supervision options allow within the window,
    /// or a <see cref="FatalActorException"/> such as a journal concurrency conflict.</summary>
    Failed,
}

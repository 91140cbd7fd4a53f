namespace Sn19.Actors.Persistence;

using Sn19.Actors.Kernel;

/// <summary>
/// Another incarnation wrote to this persistence id since this one recovered. Fatal: restarting this actor on
/// this node would only fight the other writer, so the kernel stops it and tells its parent.
/// </summary>
public sealed class PersistenceConflictException : FatalActorException
{
    public PersistenceConflictException()
    {
    }

    public PersistenceConflictException(string message)
        : base(message)
    {
    }

    public PersistenceConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static PersistenceConflictException For(string persistenceId, long expectedSequenceNr) =>
        new($"Persistence id '{persistenceId}': append at sequence {expectedSequenceNr + 1} conflicts with another " +
            "writer; this incarnation stops.");
}

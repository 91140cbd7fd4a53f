namespace Sn19.Actors.Kernel;

/// <summary>Implemented by persistent actors so introspection can show their journal position.</summary>
public interface IPersistenceInfo
{
    string PersistenceId { get; }

    /// <summary>Highest sequence number applied to the actor's state; safe to read from any thread.</summary>
    long LastSequenceNr { get; }
}

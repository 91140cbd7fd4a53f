namespace Sn19.Actors.Persistence;

/// <summary>The expected outcomes of <see cref="IJournal.AppendAsync"/>; store failures are exceptions.</summary>
public enum AppendOutcome
{
    /// <summary>Every event of the batch is durable, numbered expected+1 … expected+n.</summary>
    Appended,

    /// <summary>The journal's highest sequence number was not the expected one (another writer got there first,
    /// or this writer is stale); nothing of the batch was written.</summary>
    Conflict,
}

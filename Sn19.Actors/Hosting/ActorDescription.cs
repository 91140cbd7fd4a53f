namespace Sn19.Actors.Hosting;

/// <summary>An actor's own account of itself: a small state summary, and its journal position if it persists.</summary>
public sealed record ActorDescription(object? Summary, string? PersistenceId = null, long? SequenceNr = null);

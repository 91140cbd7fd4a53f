namespace Sn19.Actors.Kernel;

using System.Text.Json;

/// <summary>
/// One actor as introspection sees it. <see cref="Summary"/> is the actor's <see cref="IIntrospectable"/> answer
/// (null when it does not implement it, is passivated, or was busy past the deadline).
/// </summary>
public sealed record ActorInfo(
    string Path,
    string Type,
    ActorStatus Status,
    int MailboxDepth,
    int MailboxCapacity,
    int Restarts,
    DateTimeOffset? LastMessageAt,
    string? PersistenceId,
    long? SequenceNr,
    int Children,
    JsonElement? Summary);

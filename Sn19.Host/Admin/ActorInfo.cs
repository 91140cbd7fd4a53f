namespace Sn19.Host.Admin;

using System.Text.Json;

/// <summary>
/// One live actor as the admin API shows it. <see cref="Summary"/> is the actor's own answer to
/// <see cref="Sn19.Actors.Hosting.DescribeActor"/> (null for actors that do not describe themselves, or that
/// were busy past the deadline); a persistent actor adds its persistence id and last sequence number.
/// </summary>
internal sealed record ActorInfo(
    string Path,
    string Type,
    string Status,
    int MailboxDepth,
    int Children,
    string? PersistenceId,
    long? SequenceNr,
    JsonElement? Summary);

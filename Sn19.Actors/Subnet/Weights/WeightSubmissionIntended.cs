namespace Sn19.Actors.Subnet.Weights;

/// <summary>
/// Journaled before a signed submission goes to the chain: the round of <paramref name="Period"/> is about to be
/// submitted against the hotkey's <paramref name="LastUpdate"/>. A weight setter that recovers this without the
/// round's outcome (its node died in between) asks the chain: a newer last update means the submission landed and
/// is recorded as such, never sent again; the same one means it never arrived and may be sent.
/// </summary>
public sealed record WeightSubmissionIntended(long Period, long Round, ulong LastUpdate, ulong Block) : WeightSetterEvent;

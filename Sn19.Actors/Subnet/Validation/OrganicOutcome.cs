namespace Sn19.Actors.Subnet.Validation;

using Sn19.Actors.Mechanism;
using Sn19.Actors.Wire.Queries;

/// <summary>How an organic request ended: the miner that served it and its result, or none (every try
/// failed, or no miner could take it), with the tries made.</summary>
internal sealed record OrganicOutcome(string? Hotkey, QueryOutcome? Outcome, QueryResult? Result, int Tries)
{
    public bool Served => Outcome?.Kind == QueryOutcomeKind.Ok;
}

namespace Sn19.Actors.Subnet.Checks;

/// <summary>Asks the checker entity of the candidate's model for a verdict; it answers with a <see cref="CheckVerdict"/>.</summary>
public sealed record CheckRequest(CheckCandidate Candidate);

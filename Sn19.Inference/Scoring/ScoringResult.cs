namespace Sn19.Inference.Scoring;

/// <summary>Scores of positions FirstScoredPosition..end of a <see cref="ScoringRequest"/>, in order.</summary>
public sealed record ScoringResult(IReadOnlyList<PositionScore> Positions);

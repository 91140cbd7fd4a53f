namespace Sn19.Actors.Mechanism;

/// <summary>An enabled task and its weight, normalised over the enabled tasks.</summary>
public sealed record TaskWeight(string TaskId, double Weight);

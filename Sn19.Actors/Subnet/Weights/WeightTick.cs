namespace Sn19.Actors.Subnet.Weights;

/// <summary>The epoch timer fired: compute weights and submit them if the chain allows.</summary>
public sealed record WeightTick : WeightSetterMessage;

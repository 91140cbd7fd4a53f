namespace Sn19.Actors.Subnet.Weights;

/// <summary>Messages the <see cref="WeightSetterActor"/> accepts.</summary>
public abstract record WeightSetterMessage;

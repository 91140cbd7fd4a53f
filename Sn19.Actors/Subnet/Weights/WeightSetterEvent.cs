namespace Sn19.Actors.Subnet.Weights;

/// <summary>Events of the weight setter's journal; names are stable (see <see cref="WeightSetterActor.Register"/>).</summary>
public abstract record WeightSetterEvent;

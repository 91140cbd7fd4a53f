namespace Sn19.Actors.Subnet.Tasks;

/// <summary>The schedule timer fired (sent by the actor to itself).</summary>
public sealed record SyntheticDue(long Period) : TaskMessage;

namespace Sn19.Actors.Subnet.Tasks;

/// <summary>An organic request of this task went to a miner: it cancels one pending synthetic.</summary>
public sealed record OrganicServed(string Hotkey) : TaskMessage;

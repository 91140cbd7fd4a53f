namespace Sn19.Actors.Subnet.Tasks;

/// <summary>Messages a <see cref="TaskActor"/> accepts.</summary>
public abstract record TaskMessage;

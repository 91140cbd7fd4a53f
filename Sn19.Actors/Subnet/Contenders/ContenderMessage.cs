namespace Sn19.Actors.Subnet.Contenders;

/// <summary>Messages a <see cref="ContenderActor"/> accepts. Each command replies with the summary after it.</summary>
public abstract record ContenderMessage;

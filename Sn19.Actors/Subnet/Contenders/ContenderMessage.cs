namespace Sn19.Actors.Subnet.Contenders;

/// <summary>
/// Messages a <see cref="ContenderActor"/> accepts, each naming its contender (the key a shard region will
/// route on). Every command answers the sender with the <see cref="ContenderSummary"/> after it; commands
/// are idempotent, so one repeated after a timeout changes nothing the first did.
/// </summary>
public abstract record ContenderMessage(ContenderKey Key);

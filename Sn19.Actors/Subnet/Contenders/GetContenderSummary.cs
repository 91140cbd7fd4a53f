namespace Sn19.Actors.Subnet.Contenders;

/// <summary>Asks for the <see cref="ContenderSummary"/>.</summary>
public sealed record GetContenderSummary(ContenderKey Key) : ContenderMessage(Key);

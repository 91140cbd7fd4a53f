namespace Sn19.Actors.Subnet.Contenders;

/// <summary>A checker's verdict on one of this contender's results.</summary>
public sealed record RecordQuality(ContenderKey Key, long QueryId, double Quality) : ContenderMessage(Key);

namespace Sn19.Actors.Subnet.Contenders;

using System.Text.Json.Serialization;

/// <summary>
/// Events of a contender's journal. The discriminator names are stable (they are persisted); add new
/// events with new names, never rename.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(PeriodOpened), "period-opened")]
[JsonDerivedType(typeof(QueryRecorded), "query-recorded")]
[JsonDerivedType(typeof(QualityRecorded), "quality-recorded")]
[JsonDerivedType(typeof(PeriodClosed), "period-closed")]
public abstract record ContenderEvent;

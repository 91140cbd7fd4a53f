namespace Sn19.Host.Dashboard;

/// <summary>A closed period's number and time span.</summary>
internal sealed record PeriodSpan(long Period, DateTimeOffset Start, DateTimeOffset End);

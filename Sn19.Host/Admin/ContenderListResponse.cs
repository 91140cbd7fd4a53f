namespace Sn19.Host.Admin;

using Sn19.Actors.Subnet.Contenders;

/// <summary>The body of <c>GET /admin/contenders</c>: every contender the journal knows, as it stands now.</summary>
internal sealed record ContenderListResponse(string System, DateTimeOffset At, IReadOnlyList<ContenderSummary> Contenders);

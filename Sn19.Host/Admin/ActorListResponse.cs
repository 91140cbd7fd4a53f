namespace Sn19.Host.Admin;

/// <summary>The body of <c>GET /admin/actors</c>.</summary>
internal sealed record ActorListResponse(string System, DateTimeOffset At, IReadOnlyList<ActorInfo> Actors);

namespace Sn19.Host.Admin;

using Sn19.Actors.Kernel;

/// <summary>The body of <c>GET /admin/actors</c>.</summary>
internal sealed record ActorListResponse(string System, DateTimeOffset At, IReadOnlyList<ActorInfo> Actors);

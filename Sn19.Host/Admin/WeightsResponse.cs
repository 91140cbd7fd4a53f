namespace Sn19.Host.Admin;

using Sn19.Actors.Subnet.Weights;

/// <summary>The body of <c>GET /admin/weights</c>: the weight setter's last rounds, newest first.</summary>
internal sealed record WeightsResponse(string System, IReadOnlyList<WeightHistoryEntry> Rounds);

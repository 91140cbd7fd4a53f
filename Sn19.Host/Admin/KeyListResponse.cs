namespace Sn19.Host.Admin;

using Sn19.Actors.Organic;

internal sealed record KeyListResponse(IReadOnlyList<KeyStatus> Keys);

namespace Sn19.Actors.Chain.Http;

/// <summary>Body of a chain API POST (see <see cref="ChainRoutes"/>).</summary>
internal sealed record ServeAxonRequest(string Hotkey, string Ip, int Port);

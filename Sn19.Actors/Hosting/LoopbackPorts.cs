namespace Sn19.Actors.Hosting;

using System.Net;
using System.Net.Sockets;

/// <summary>Free loopback ports for nodes that must know each other's ports before they start (a cluster's seed nodes).</summary>
internal static class LoopbackPorts
{
    /// <summary><paramref name="count"/> distinct ports that were free a moment ago (all held together while picking).</summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}

namespace Sn19.Tests.TestSupport;

using System.Net;
using System.Net.Sockets;

/// <summary>A loopback port free now, for a process that must be told its port before it starts (a miner whose axon is on
/// the chain already, a node process).</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

namespace Sn19.Host.Dashboard;

using Sn19.Actors.Subnet.Validation;
using Sn19.Host.Configuration;
using Sn19.Host.Hosting;

/// <summary>Starts a validator node's dashboard from its configuration, and says where it is.</summary>
internal static class DashboardHosting
{
    /// <summary>The dashboard on dashboard.host:dashboard.port when dashboard.enabled and the node keeps a history; else
    /// null. A busy port fails a node that must serve there (<paramref name="required"/>); otherwise a free port is taken.</summary>
    public static async Task<DashboardServer?> StartAsync(
        Sn19Configuration configuration, ValidatorNode node, string adminToken, TextWriter output, bool required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(node);
        var options = configuration.GetOptions<DashboardOptions>("dashboard");
        if (!options.Enabled || node.History is not { } history)
        {
            return null;
        }

        var token = options.Token.Length > 0 ? options.Token : adminToken;
        if (!DashboardAccess.IsLoopback(options.Host) && token.Length == 0)
        {
            throw new ConfigurationException(
                $"dashboard.host is {options.Host}, off loopback, so the dashboard needs a token: set dashboard.token or admin.token",
                null, null, "dashboard.token");
        }

        var server = await KestrelStart.OnPortOrAnyAsync(
            port =>
            {
                options.Port = port;
                return DashboardServer.StartAsync(DashboardSources.Of(node, history), options, token, TimeProvider.System, cancellationToken);
            },
            options.Port, "dashboard.port", "The dashboard's", required, output);

        await output.WriteLineAsync($"Dashboard: {server.Address}/ · metrics {server.Address}/metrics");
        return server;
    }
}

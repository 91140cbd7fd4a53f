namespace Sn19.Host.Dashboard;

using Sn19.Actors.Subnet.Validation;
using Sn19.Host.Configuration;

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

        DashboardServer server;
        try
        {
            server = await DashboardServer.StartAsync(DashboardSources.Of(node, history), options, token, TimeProvider.System, cancellationToken);
        }
        catch (ConfigurationException error) when (!required && error.Key == "dashboard.port" && options.Port != 0)
        {
            await output.WriteLineAsync($"The dashboard's port is taken ({error.Detail}); using a free one.");
            options.Port = 0;
            server = await DashboardServer.StartAsync(DashboardSources.Of(node, history), options, token, TimeProvider.System, cancellationToken);
        }

        await output.WriteLineAsync($"Dashboard: {server.Address}/ · metrics {server.Address}/metrics");
        return server;
    }
}

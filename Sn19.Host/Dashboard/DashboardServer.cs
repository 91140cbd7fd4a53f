namespace Sn19.Host.Dashboard;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Sn19.Actors.Telemetry;
using Sn19.Host.Hosting;

/// <summary>
/// Kestrel serving the dashboard on dashboard.host:dashboard.port: the page (<c>/</c>, <c>/miners/{hotkey}</c>), its JSON
/// (<c>/api/…</c>) and <c>/metrics</c>, the Sn19 meter in Prometheus text through OpenTelemetry's exporter. Everything
/// is read-only; <see cref="DashboardAccess"/> decides who may read.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NodeGauges? _gauges;

    private DashboardServer(WebApplication app, NodeGauges? gauges, string address)
    {
        _app = app;
        _gauges = gauges;
        Address = address;
    }

    /// <summary>The bound base address, e.g. http://127.0.0.1:9630.</summary>
    public string Address { get; }

    public static async Task<DashboardServer> StartAsync(
        DashboardSources sources, DashboardOptions options, string token, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        var builder = KestrelStart.Builder(options.Host, options.Port);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("sn19-validator", serviceInstanceId: sources.System?.Name))
            .WithMetrics(metrics => metrics.AddMeter(Sn19Metrics.MeterName).AddPrometheusExporter());
        var app = builder.Build();
        var access = new DashboardAccess(options.Host, token);
        app.Use(access.InvokeAsync);
        app.UseOpenTelemetryPrometheusScrapingEndpoint();
        DashboardEndpoints.Map(app, new DashboardReader(sources, options, time));
        var gauges = sources.System is { } system ? new NodeGauges(system) : null;
        try
        {
            var address = await KestrelStart.StartAsync(app, options.Host, options.Port, "dashboard.port", cancellationToken);
            return new DashboardServer(app, gauges, address);
        }
        catch
        {
            if (gauges is not null)
            {
                await gauges.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_gauges is not null)
        {
            await _gauges.DisposeAsync();
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

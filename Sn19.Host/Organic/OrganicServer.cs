namespace Sn19.Host.Organic;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;
using Sn19.Actors.Organic;
using Sn19.Actors.Subnet.Validation;
using Sn19.Host.Hosting;

/// <summary>
/// Kestrel serving the organic API on organic.host:organic.port, with its OpenAPI document at
/// <c>/openapi/v1.json</c> and the Scalar UI at <c>/docs</c>. Kestrel's own limits stand between the
/// internet and the handler: body size, header size, slow-client rates.
/// </summary>
internal sealed class OrganicServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly OrganicUsageRecorder _usage;

    private OrganicServer(WebApplication app, OrganicUsageRecorder usage, string address)
    {
        _app = app;
        _usage = usage;
        Address = address;
    }

    /// <summary>The bound base address, e.g. http://127.0.0.1:9620.</summary>
    public string Address { get; }

    /// <param name="usageFlush">How often the usage of the requests served is written to the node's history (dashboard.usage-flush).</param>
    public static async Task<OrganicServer> StartAsync(
        ValidatorNode node, OrganicOptions options, TimeSpan usageFlush, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(options);
        var keys = node.Keys ?? throw new InvalidOperationException("the organic API needs a cluster node (its keys are sharded entities)");
        var builder = KestrelStart.Builder(options.Host, options.Port);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sn19 organic API";
            document.Info.Description = "OpenAI-compatible text generation served by the subnet's measured miners. " +
                "Authenticate with 'Authorization: Bearer <key>' (keys: `sn19 ctl keys create`).";
            return Task.CompletedTask;
        }));
        var app = builder.Build();
        var logger = loggers.CreateLogger("Sn19.Organic");
        var catalog = new ModelCatalog(node.Organic.Tasks, options);
        var owner = GatewayOwner.Of(node.System);
        var usage = new OrganicUsageRecorder(node.History, owner, usageFlush, TimeProvider.System, logger);
        var handler = new CompletionHandler(keys, node.Organic, catalog, options, owner, usage, TimeProvider.System, logger);
        OrganicEndpoints.Map(app, handler, catalog, DateTimeOffset.UtcNow, logger);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", scalar => scalar.WithTitle("Sn19 organic API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        try
        {
            var address = await KestrelStart.StartAsync(app, options.Host, options.Port, "organic.port", cancellationToken);
            return new OrganicServer(app, usage, address);
        }
        catch
        {
            await usage.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await _usage.DisposeAsync();
    }
}

namespace Sn19.Host.Chain;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Http;

/// <summary>
/// The HTTP host of `sn19 chain serve`: Kestrel on <c>listen</c> (host:port; port 0 picks a free one) serving
/// <see cref="ChainEndpoints"/> for one chain. The chain API has no authentication and the local chain checks
/// signatures only on set-weights: whoever can connect may register, serve axons and stake for any hotkey,
/// which is why the default is 127.0.0.1.
/// </summary>
internal static class ChainServer
{
    public static WebApplication Build(IChain chain, string listen)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://" + listen);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A failed start (port in use) is reported by the command in one line; the host would log its stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                // A body that is not the route's JSON still gets a chain API answer, so clients can show why.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(
                    new ChainResponse<object>(null, new ChainError(ChainErrorCode.InvalidRequest, e.Message)), ChainJson.Options);
            }
        });
        ChainEndpoints.Map(app, chain);
        return app;
    }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:40123 (after StartAsync).</summary>
    public static string BoundAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? throw new InvalidOperationException("the chain server has no bound address");
}

namespace Sn19.Host.Chain;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;

/// <summary>
/// The HTTP host of `sn19 chain serve`: Kestrel on <c>listen</c> (host:port; port 0 picks a free one) serving
/// <see cref="ChainEndpoints"/> for one chain. The chain API has no authentication and the local chain does not
/// check signatures: whoever can connect may act for any hotkey, which is why the default is 127.0.0.1.
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
        var app = builder.Build();
        ChainEndpoints.Map(app, chain);
        return app;
    }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:40123 (after StartAsync).</summary>
    public static string BoundAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? throw new InvalidOperationException("the chain server has no bound address");
}
